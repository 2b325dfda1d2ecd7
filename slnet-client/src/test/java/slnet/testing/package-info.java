/**
 * Test support shared by the layers of slnet-client (and, through its test jar, by other modules):
 * JUnit extensions that fail tests leaking threads, and a recorder of what a thread prints to
 * standard error. Test scope only; not API.
 */
package slnet.testing;
