package slnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketEncodeException;

/**
 * {@code slnet packet decode|encode}: converts packets between hex and the JSON form of
 * {@link PacketJson}, one per argument list or one per line of stdin.
 *
 * <p>Every input gives exactly one output line on stdout, a result or an {@code {"error":...}}
 * object, so output line N always answers input line N (blank input lines are skipped and give
 * none). The exit code is 0 when every input converted, 1 when any failed, 2 for a usage error.
 */
@Command(name = "packet",
        description = "Convert packets between hex and JSON.",
        subcommands = {PacketCommand.Decode.class, PacketCommand.Encode.class})
public final class PacketCommand implements Runnable {
    /** Longest stdin line read: hex of the largest packet is 16 KiB; JSON of one can be far larger. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls this. */
    public PacketCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One converted line: the text to print and whether it is an error. */
    record Outcome(String line, boolean failed) {
    }

    /**
     * Converts the joined arguments, or each non-blank stdin line when there are none.
     *
     * @return the exit code
     */
    static int convert(String[] args, String separator, InputStream stdin, PrintWriter out,
                       Function<String, Outcome> converter) {
        if (args != null && args.length > 0) {
            Outcome outcome = guarded(converter, String.join(separator, args));
            out.println(outcome.line());
            out.flush();
            return outcome.failed() ? 1 : 0;
        }
        boolean anyFailed = false;
        LineInput lines = new LineInput(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
                MAX_LINE);
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                Outcome outcome = line.length() > MAX_LINE
                        ? error(Map.of("error", "line longer than " + MAX_LINE + " characters"))
                        : guarded(converter, line);
                anyFailed |= outcome.failed();
                // Flush per line so the tool works in a pipe fed by a live capture.
                out.println(outcome.line());
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading stdin failed", e);
        }
        return anyFailed ? 1 : 0;
    }

    /** One bad line must not end the run: anything unforeseen becomes that line's error. */
    private static Outcome guarded(Function<String, Outcome> converter, String input) {
        try {
            return converter.apply(input);
        } catch (RuntimeException e) {
            return error(Map.of("error", "internal error: " + e));
        }
    }

    static Outcome error(Map<String, Object> error) {
        return new Outcome(Json.write(error), true);
    }

    /** {@code slnet packet decode}. */
    @Command(name = "decode",
            description = {"Decode a hex packet into one line of JSON.",
                "With no HEX, decodes one hex packet per line of stdin (blank lines skipped, "
                    + "whitespace between digits allowed) and prints one JSON object per line.",
                "A packet that cannot be decoded prints {\"error\":...,\"reason\":...,\"offset\":n} "
                    + "(offset in bytes; \"zeroDecoded\":true when it counts into zero-decoded bytes).",
                "Exit code: 0 if every packet decoded, 1 if any failed."})
    public static final class Decode implements Callable<Integer> {
        private final InputStream stdin;
        private final PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "HEX",
                description = "The packet as hex; several arguments are joined, so bytes may be given unquoted.")
        String[] hex;

        /**
         * Creates the command.
         *
         * @param stdin where lines are read when no HEX is given
         */
        public Decode(InputStream stdin) {
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            return convert(hex, "", stdin, spec.commandLine().getOut(), this::decode);
        }

        private Outcome decode(String text) {
            byte[] bytes;
            try {
                bytes = parseHex(text);
            } catch (IllegalArgumentException e) {
                return error(Map.of("error", e.getMessage()));
            }
            try {
                return new Outcome(PacketJson.write(codec.decode(bytes, 0, bytes.length)), false);
            } catch (PacketDecodeException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", e.detail());
                error.put("reason", e.reason().name());
                error.put("offset", e.offset());
                if (e.inZeroDecodedBody()) {
                    error.put("zeroDecoded", true);
                }
                return error(error);
            }
        }
    }

    /** {@code slnet packet encode}. */
    @Command(name = "encode",
            description = {"Encode a packet given as JSON (the form 'packet decode' prints) into lower-case hex.",
                "With no JSON, encodes one JSON object per line of stdin (blank lines skipped) "
                    + "and prints one hex line each.",
                "The flags are written exactly as given: zerocoded only if \"zerocoded\" is true, "
                    + "acks appended only if \"acks\" is true. Packets up to "
                    + PacketCodec.MAX_PACKET_SIZE + " bytes are allowed.",
                "Invalid input prints {\"error\":...} (with \"offset\", in characters, for malformed JSON).",
                "Exit code: 0 if every packet encoded, 1 if any failed."})
    public static final class Encode implements Callable<Integer> {
        private final InputStream stdin;
        private final PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "JSON",
                description = "The packet as JSON; several arguments are joined with spaces.")
        String[] json;

        /**
         * Creates the command.
         *
         * @param stdin where lines are read when no JSON is given
         */
        public Encode(InputStream stdin) {
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            return convert(json, " ", stdin, spec.commandLine().getOut(), this::encode);
        }

        private Outcome encode(String text) {
            Object tree;
            try {
                tree = Json.parse(text);
            } catch (JsonParseException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "invalid JSON: " + e.getMessage());
                error.put("offset", e.offset());
                return error(error);
            }
            try {
                Packet packet = PacketJson.fromJson(tree);
                return new Outcome(HexFormat.of().formatHex(codec.encode(packet)), false);
            } catch (PacketJsonException | PacketEncodeException e) {
                return error(Map.of("error", e.getMessage()));
            }
        }
    }

    /** Parses hex, ignoring whitespace anywhere; errors name the 1-based column of the bad character. */
    static byte[] parseHex(String text) {
        byte[] out = new byte[text.length() / 2 + 1];
        int digits = 0;
        int high = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int value = c < 0x80 ? Character.digit(c, 16) : -1;
            if (value < 0) {
                throw new IllegalArgumentException("not a hex digit: " + (c >= 0x20 && c < 0x7F ? "'" + c + "'"
                        : String.format("U+%04X", (int) c)) + " at column " + (i + 1));
            }
            if ((digits & 1) == 0) {
                high = value;
            } else {
                out[digits / 2] = (byte) (high << 4 | value);
            }
            digits++;
        }
        if ((digits & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits + ")");
        }
        return java.util.Arrays.copyOf(out, digits / 2);
    }
}
