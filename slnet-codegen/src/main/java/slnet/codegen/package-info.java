/**
 * Message template parser and Java generator.
 */
package slnet.codegen;
