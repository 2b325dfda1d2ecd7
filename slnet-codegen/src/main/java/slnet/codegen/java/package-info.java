/**
 * Emits Java sources from a parsed message template: one immutable record per message, with a
 * nested record per block, and a registry of them all. {@link slnet.codegen.java.MessageGenerator}
 * is also the command-line entry point for regenerating from a newer template.
 */
package slnet.codegen.java;
