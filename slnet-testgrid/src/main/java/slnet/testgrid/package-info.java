/**
 * An embedded test grid: login and capability HTTP servers and simulators on loopback,
 * with fault switches, so the whole client stack can be exercised offline.
 */
package slnet.testgrid;
