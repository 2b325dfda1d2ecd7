package slnet.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Records what the calling thread writes to {@code System.err} while it runs an action, so a test
 * can state that a parser prints nothing. Other threads' writes (a test's leftover logger, say),
 * and Jazzer's notes on the classes it instruments as they load, pass through to the real stream.
 */
public final class StandardErrorRecorder {
    /** An action that may throw anything. */
    @FunctionalInterface
    public interface Action {
        /** Runs it. @throws Throwable whatever it throws */
        void run() throws Throwable;
    }

    private StandardErrorRecorder() {
    }

    /**
     * Runs the action and returns what this thread printed to standard error meanwhile.
     *
     * @param action the action
     * @return the text printed, empty if none
     * @throws Throwable what the action threw (the stream is restored first)
     */
    public static String during(Action action) throws Throwable {
        PrintStream real = System.err;
        Thread self = Thread.currentThread();
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        OutputStream split = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target().write(b, off, len);
            }

            private OutputStream target() {
                return Thread.currentThread() == self && !fromJazzer() ? recorded : real;
            }
        };
        System.setErr(new PrintStream(split, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(real);
        }
        return recorded.toString(StandardCharsets.UTF_8);
    }

    /** Jazzer notes what it instruments from its class-file transformer, which the JDK calls. */
    private static boolean fromJazzer() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().startsWith("sun.instrument.")));
    }
}
