/**
 * Tells log lines of many bots in one process apart: {@link slnet.internal.log.LogContext} puts the
 * agent's name and the circuit in SLF4J's MDC on every thread that works for a client, including
 * virtual threads and the threads a shared runtime lends to many clients. Not part of the API: the
 * MDC keys ({@code slnet.agent}, {@code slnet.circuit}) are what users see, e.g. as
 * {@code %X{slnet.agent}} in a logback pattern.
 */
package slnet.internal.log;
