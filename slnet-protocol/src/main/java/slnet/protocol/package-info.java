/**
 * Packet framing, zerocoding and the codec registry.
 */
package slnet.protocol;
