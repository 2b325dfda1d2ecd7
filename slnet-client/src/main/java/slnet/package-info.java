/**
 * The slnet client facade: the types a user of the library holds.
 */
package slnet;
