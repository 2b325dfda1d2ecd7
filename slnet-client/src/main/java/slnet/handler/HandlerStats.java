package slnet.handler;

/**
 * A snapshot of a {@link HandlerRegistry}'s counters since it was created.
 *
 * @param dispatched messages and LLSD events dispatched
 * @param handled handler runs that succeeded (an asynchronous one when its stage completed)
 * @param failures handler runs that threw or whose stage failed, and filters that threw
 * @param filtered handler runs skipped because their filter said no
 * @param unhandled dispatches for which no handler ran
 */
public record HandlerStats(long dispatched, long handled, long failures, long filtered, long unhandled) {
}
