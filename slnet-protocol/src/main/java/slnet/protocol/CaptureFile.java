package slnet.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads capture files: one {@link CapturedDatagram} a line, in the form {@code ../shared/captures}
 * uses ({@code MessageName hex}). Blank lines and lines starting with {@code #} are comments, except
 * {@code #out MessageName hex}, a datagram the capturing side sent.
 *
 * <p>A capture a user sends with a bug report becomes test data unchanged: read its inbound
 * datagrams and decode them as a circuit does.
 */
public final class CaptureFile {
    /** What starts the line of a datagram the capturing side sent. */
    public static final String OUTBOUND_PREFIX = "#out ";
    /** The longest line read, in characters: a datagram of {@link PacketCodec#MAX_PACKET_SIZE} bytes as hex, and a name. */
    public static final int MAX_LINE = 2 * PacketCodec.MAX_PACKET_SIZE + 256;

    private static final HexFormat HEX = HexFormat.of();

    private CaptureFile() {
    }

    /**
     * Parses one line.
     *
     * @param line the line, without its line break
     * @return the datagram, or null for a blank or comment line
     * @throws IllegalArgumentException if the line is neither, naming what is wrong
     */
    public static CapturedDatagram parseLine(String line) {
        String text = line.strip();
        boolean outbound = false;
        if (text.startsWith(OUTBOUND_PREFIX)) {
            outbound = true;
            text = text.substring(OUTBOUND_PREFIX.length()).strip();
        } else if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        if (text.length() > MAX_LINE) {
            throw new IllegalArgumentException("line of " + text.length() + " characters is longer than " + MAX_LINE);
        }
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("expected 'MessageName hex', found no space");
        }
        String name = text.substring(0, space);
        String hex = text.substring(space + 1).strip();
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + hex.length() + ") after " + name);
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex after " + name + ": " + e.getMessage(), e);
        }
        return new CapturedDatagram(name, bytes, outbound);
    }

    /**
     * Reads every datagram of a capture file.
     *
     * @param file the file (UTF-8)
     * @return its datagrams in file order, inbound and outbound
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if a line is malformed, naming the line number
     */
    public static List<CapturedDatagram> read(Path file) throws IOException {
        List<CapturedDatagram> datagrams = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                try {
                    CapturedDatagram datagram = parseLine(line);
                    if (datagram != null) {
                        datagrams.add(datagram);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return datagrams;
    }

    /**
     * Reads the datagrams of a capture file that the capturing side received.
     *
     * @param file the file
     * @return the inbound datagrams in file order
     * @throws IOException if it cannot be read
     */
    public static List<CapturedDatagram> readInbound(Path file) throws IOException {
        return read(file).stream().filter(d -> !d.outbound()).toList();
    }
}
