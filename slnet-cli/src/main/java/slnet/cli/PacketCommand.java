package slnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.CaptureFile;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.Deviation;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketEncodeException;
import slnet.protocol.messages.Messages;

/**
 * {@code slnet packet decode|encode}: converts packets between hex and the JSON form of
 * {@link PacketJson}, one per argument list or one per line of stdin.
 *
 * <p>Every input gives exactly one output line on stdout, a result or an {@code {"error":...}}
 * object, so output line N always answers input line N (blank input lines are skipped and give
 * none). The exit code is 0 when every input converted, 1 when any failed, 2 for a usage error.
 */
@Command(name = "packet",
        footerHeading = "%nExamples:%n", footer = {"  slnet packet decode 40000000010000ffff0001...", "  slnet packet decode --lenient --file capture.txt"},
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
            footerHeading = "%nExamples:%n", footer = {"  slnet packet decode --file ../shared/captures/opensim-0.9.2.2/inbound.txt --lenient", "  echo 40000000010000ffff0001... | slnet packet decode"},
            description = {"Decode a hex packet into one line of JSON.",
                "With no HEX, decodes one hex packet per line of stdin (blank lines skipped, "
                    + "whitespace between digits allowed) and prints one JSON object per line.",
                "With --file, decodes every datagram of a capture file ('MessageName hex' lines, sent ones as "
                    + "'#out MessageName hex', other '#' lines comments; what 'connect --capture' writes): one JSON "
                    + "object each, with \"line\", \"direction\" (in or out) and \"name\" (from the capture) "
                    + "added, and a summary on stderr.",
                "--lenient decodes as a circuit does (the official viewer's rules) and adds \"tolerated\", "
                    + "the departures from the template it accepted (e.g. [\"missing trailing blocks\"]).",
                "A packet that cannot be decoded prints {\"error\":...,\"reason\":...,\"offset\":n} "
                    + "(offset in bytes; \"zeroDecoded\":true when it counts into zero-decoded bytes).",
                "Exit code: 0 if every packet decoded, 1 if any failed, 2 for a usage error or an unreadable file."})
    public static final class Decode implements Callable<Integer> {
        private final InputStream stdin;
        private PacketCodec codec;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "HEX",
                description = "The packet as hex; several arguments are joined, so bytes may be given unquoted.")
        String[] hex;

        @CommandLine.Option(names = "--file", paramLabel = "FILE",
                description = "A capture file to decode, datagram by datagram; '-' reads it from stdin.")
        String file;

        @CommandLine.Option(names = "--lenient",
                description = "Decode as a circuit does, listing what was tolerated in \"tolerated\".")
        boolean lenient;

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
            codec = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE,
                    lenient ? DecodeMode.LENIENT : DecodeMode.STRICT);
            if (file == null) {
                return convert(hex, "", stdin, spec.commandLine().getOut(), this::decode);
            }
            PrintWriter err = spec.commandLine().getErr();
            if (hex != null && hex.length > 0) {
                err.println("packet decode: give either HEX or --file, not both");
                return 2;
            }
            try (Reader reader = file.equals("-") ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                return decodeCapture(new BufferedReader(reader), spec.commandLine().getOut(), err);
            } catch (IOException | UncheckedIOException e) {
                err.println("packet decode: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }

        private Outcome decode(String text) {
            byte[] bytes;
            try {
                bytes = parseHex(text);
            } catch (IllegalArgumentException e) {
                return error(Map.of("error", e.getMessage()));
            }
            Decoded decoded = decodeBytes(bytes);
            return new Outcome(Json.write(decoded.json()), decoded.failed());
        }

        /** One datagram's JSON: the packet (with "tolerated" when lenient decoding accepted departures) or an error. */
        private record Decoded(Map<String, Object> json, boolean failed, boolean tolerated) {
        }

        private Decoded decodeBytes(byte[] bytes) {
            Map<String, Object> json = new LinkedHashMap<>();
            try {
                json.putAll(PacketJson.toJson(codec.decode(bytes, 0, bytes.length)));
            } catch (PacketDecodeException e) {
                json.put("error", e.detail());
                json.put("reason", e.reason().name());
                json.put("offset", e.offset());
                if (e.inZeroDecodedBody()) {
                    json.put("zeroDecoded", true);
                }
                return new Decoded(json, true, false);
            }
            Set<Deviation> deviations = Deviation.setOf(codec.lastDeviations());
            if (!deviations.isEmpty()) {
                json.put("tolerated", deviations.stream().map(d -> (Object) d.description()).toList());
            }
            return new Decoded(json, false, !deviations.isEmpty());
        }

        /** Every datagram of a capture, one output line each; comments and blank lines give none. */
        private int decodeCapture(BufferedReader reader, PrintWriter out, PrintWriter err) throws IOException {
            int maxLine = CaptureFile.MAX_LINE + CaptureFile.OUTBOUND_PREFIX.length();
            LineInput lines = new LineInput(reader, maxLine);
            int lineNumber = 0;
            long decoded = 0;
            long failed = 0;
            long tolerated = 0;
            Map<String, Long> toleratedByKind = new LinkedHashMap<>();
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNumber++;
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("line", lineNumber);
                boolean lineFailed = true;
                try {
                    if (line.length() > maxLine) {
                        json.put("error", "line longer than " + maxLine + " characters");
                    } else {
                        CapturedDatagram datagram = CaptureFile.parseLine(line);
                        if (datagram == null) {
                            continue;
                        }
                        json.put("direction", datagram.outbound() ? "out" : "in");
                        json.put("name", datagram.messageName());
                        Decoded result = decodeBytes(datagram.datagram());
                        json.putAll(result.json());
                        lineFailed = result.failed();
                        if (result.tolerated()) {
                            tolerated++;
                            for (Object kind : (List<?>) result.json().get("tolerated")) {
                                toleratedByKind.merge((String) kind, 1L, Long::sum);
                            }
                        }
                    }
                } catch (IllegalArgumentException e) {
                    json.put("error", e.getMessage());
                } catch (RuntimeException e) {
                    json.put("error", "internal error: " + e);
                }
                if (lineFailed) {
                    failed++;
                } else {
                    decoded++;
                }
                out.println(Json.write(json));
                out.flush();
            }
            String kinds = toleratedByKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
            err.println("packet decode: " + decoded + " decoded, " + failed + " failed, " + tolerated + " tolerated"
                    + (toleratedByKind.isEmpty() ? "" : kinds));
            err.flush();
            return failed > 0 ? 1 : 0;
        }
    }

    /** {@code slnet packet encode}. */
    @Command(name = "encode",
            footerHeading = "%nExamples:%n", footer = {"  slnet packet decode HEX | slnet packet encode"},
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
