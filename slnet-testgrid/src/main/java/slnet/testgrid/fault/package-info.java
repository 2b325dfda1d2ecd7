/**
 * Fault switches for the test grid's servers: scripted misbehaviour (refusals, redirects, MFA
 * challenges, broken or slow replies) so clients can be tested against every failure path.
 * Values here are immutable and thread-safe.
 */
package slnet.testgrid.fault;
