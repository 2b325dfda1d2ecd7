package slnet.time;

/**
 * A monotonic source of time in nanoseconds, as {@link System#nanoTime()}: only differences mean
 * anything.
 */
@FunctionalInterface
public interface Clock {
    /**
     * Returns the current time.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long nanoTime();

    /**
     * Returns the system's monotonic clock.
     *
     * @return a clock reading {@link System#nanoTime()}
     */
    static Clock system() {
        return System::nanoTime;
    }
}
