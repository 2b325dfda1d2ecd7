package slnet.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with a bound on their length, so one endless line on stdin cannot exhaust memory.
 * Not thread-safe; owned by the command reading it.
 */
final class LineInput {
    private final Reader in;
    private final int maxLength;

    /**
     * @param in where to read; not closed here (it is usually stdin)
     * @param maxLength the longest line kept; longer lines are cut to {@code maxLength + 1} characters
     */
    LineInput(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /**
     * Reads the next line without its line end ({@code \n}, {@code \r\n} or a lone {@code \r} is
     * not special: only {@code \n} ends a line, and a trailing {@code \r} is dropped).
     *
     * @return the line, longer than {@code maxLength} only when it was cut; null at the end of input
     * @throws IOException if reading fails
     */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() <= maxLength) {
                line.append((char) c);
            }
            c = in.read();
        }
        int last = line.length() - 1;
        if (last >= 0 && line.length() <= maxLength && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return line.toString();
    }
}
