package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketCommandTest {
    private static final String START_PING = "000000000100010500000000";
    private static final String START_PING_JSON = "{\"flags\":{\"zerocoded\":false,\"reliable\":false,\"resent\":false,"
            + "\"acks\":false},\"sequence\":1,\"acks\":[],\"message\":\"StartPingCheck\","
            + "\"blocks\":{\"PingID\":[{\"PingID\":5,\"OldestUnacked\":0}]}}";

    @Test
    void decodesAStartPingCheck() {
        CliRun run = CliRun.run("packet", "decode", START_PING);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(START_PING_JSON);
    }

    @Test
    void decodeJoinsArgumentsAndIgnoresWhitespace() {
        CliRun run = CliRun.run("packet", "decode", "00 00 00 00", "01 00 01 05", "00 00 00 00");
        assertThat(run.lines()).containsExactly(START_PING_JSON);
    }

    @Test
    void decodesFlagsExtraHeaderAcksAndUnsignedValues() {
        // reliable+resent+acks, sequence 0xfffffffe, one extra-header byte, StartPingCheck with
        // OldestUnacked 0xffffffff (little-endian), then acks 7 and 0xffffffff and the count.
        String hex = "70 fffffffe 01 aa 01 05 ffffffff 00000007 ffffffff 02";
        CliRun run = CliRun.run("packet", "decode", hex);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("{\"flags\":{\"zerocoded\":false,\"reliable\":true,\"resent\":true,"
                + "\"acks\":true},\"sequence\":4294967294,\"extra\":\"aa\",\"acks\":[7,4294967295],"
                + "\"message\":\"StartPingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":5,\"OldestUnacked\":4294967295}]}}");
    }

    @Test
    void decodesAZerocodedPacket() {
        // Body 01 05 00 00 00 00 zerocoded as 01 05 00 04.
        CliRun run = CliRun.run("packet", "decode", "80 00000001 00 01 05 00 04");
        assertThat(run.lines()).containsExactly(START_PING_JSON.replace("\"zerocoded\":false", "\"zerocoded\":true"));
    }

    @Test
    void decodesALowMessageWithUuids() {
        String hex = "40 00000002 00 ffff0003 efbeadde 00112233445566778899aabbccddeeff 0123456789abcdef0123456789abcdef";
        CliRun run = CliRun.run("packet", "decode", hex);
        assertThat(run.lines()).containsExactly("{\"flags\":{\"zerocoded\":false,\"reliable\":true,\"resent\":false,"
                + "\"acks\":false},\"sequence\":2,\"acks\":[],\"message\":\"UseCircuitCode\",\"blocks\":{\"CircuitCode\":"
                + "[{\"Code\":3735928559,\"SessionID\":\"00112233-4455-6677-8899-aabbccddeeff\","
                + "\"ID\":\"01234567-89ab-cdef-0123-456789abcdef\"}]}}");
    }

    @Test
    void decodesStdinLineByLineAndReportsErrorsInPlace() {
        String stdin = START_PING + "\n\n   \n"
                + "0000 0000 01\r\n"            // truncated: 5 bytes
                + "00000000010001050000\n"      // body truncated
                + "zz\n"                        // not hex
                + "000\n"                       // odd digit count
                + "0000000001 00 fe 00\n"       // High 254 does not exist
                + "80 00000001 00 01 05 00 00\n"   // zero with a zero count
                + START_PING + "\n";
        CliRun run = CliRun.withStdin(stdin, "packet", "decode");
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.lines();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo(START_PING_JSON);
        assertThat(lines.get(1)).startsWith("{\"error\":\"").contains("\"reason\":\"TRUNCATED\"", "\"offset\":5");
        assertThat(lines.get(2)).contains("\"reason\":\"TRUNCATED\"", "\"offset\":");
        assertThat(lines.get(3)).isEqualTo("{\"error\":\"not a hex digit: 'z' at column 1\"}");
        assertThat(lines.get(4)).isEqualTo("{\"error\":\"odd number of hex digits (3)\"}");
        assertThat(lines.get(5)).contains("\"reason\":\"UNKNOWN_MESSAGE\"", "\"offset\":6", "High 254");
        assertThat(lines.get(6)).contains("\"reason\":\"BAD_ZEROCODING\"");
        assertThat(lines.get(7)).isEqualTo(START_PING_JSON);
    }

    @Test
    void decodeExitsZeroWhenEveryLineDecodes() {
        CliRun run = CliRun.withStdin(START_PING + "\n" + START_PING, "packet", "decode");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(START_PING_JSON, START_PING_JSON);
    }

    @Test
    void encodesAStartPingCheck() {
        CliRun run = CliRun.run("packet", "encode", START_PING_JSON);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(START_PING);
    }

    @Test
    void encodeTakesAbsentFlagsAsFalseAndWritesFlagsExactly() {
        assertThat(CliRun.run("packet", "encode",
                "{\"message\":\"StartPingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":5,\"OldestUnacked\":0}]}}").lines())
                .containsExactly("000000000000010500000000");
        // Zerocoded only because the flag says so; acks flag with an empty list writes a zero count.
        assertThat(CliRun.run("packet", "encode", "{\"flags\":{\"zerocoded\":true,\"acks\":true},\"sequence\":1,"
                + "\"message\":\"StartPingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":5,\"OldestUnacked\":0}]}}")
                .lines()).containsExactly("9000000001000105000400");
        assertThat(CliRun.run("packet", "encode", "{\"flags\":{\"acks\":true},\"sequence\":4294967295,"
                + "\"acks\":[4294967295],\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":255}]}}")
                .lines()).containsExactly("10ffffffff0002ffffffffff01");
    }

    @Test
    void encodeReadsStdinAndReportsErrorsInPlace() {
        String ok = "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1}]}}";
        String stdin = String.join("\n",
                ok,
                "",
                "{\"message\":\"CompletePingCheck\",",
                "{\"message\":\"NoSuchMessage\",\"blocks\":{}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":256}]}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1.5}]}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{}]}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1,\"Extra\":2}]}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[]}}",
                "{\"message\":\"CompletePingCheck\",\"blocks\":{}}",
                "{\"message\":\"CompletePingCheck\",\"blok\":{}}",
                "{\"flags\":{\"reliable\":1},\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1}]}}",
                "{\"acks\":[1],\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1}]}}",
                "{\"sequence\":4294967296,\"message\":\"CompletePingCheck\",\"blocks\":{\"PingID\":[{\"PingID\":1}]}}",
                "[1,2]",
                ok);
        CliRun run = CliRun.withStdin(stdin, "packet", "encode");
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.lines();
        assertThat(lines).hasSize(15);
        assertThat(lines.get(0)).isEqualTo("00000000000002" + "01");
        assertThat(lines.get(1)).startsWith("{\"error\":\"invalid JSON: unexpected end of text").endsWith("\"offset\":31}");
        assertThat(lines.get(2)).isEqualTo("{\"error\":\"message: no message is named \\\"NoSuchMessage\\\"\"}");
        assertThat(lines.get(3)).isEqualTo("{\"error\":\"blocks.PingID[0].PingID: U8 must be 0 to 255, not 256\"}");
        assertThat(lines.get(4)).isEqualTo("{\"error\":\"blocks.PingID[0].PingID: U8 must be an integer, not 1.5\"}");
        assertThat(lines.get(5)).isEqualTo("{\"error\":\"blocks.PingID[0].PingID: missing (U8)\"}");
        assertThat(lines.get(6)).contains("blocks.PingID[0]: unknown member \\\"Extra\\\"");
        assertThat(lines.get(7)).contains("blocks.PingID: a Single block needs exactly 1 entries, not 0");
        assertThat(lines.get(8)).contains("blocks.PingID: missing (a Single block of CompletePingCheck)");
        assertThat(lines.get(9)).contains("packet: unknown member \\\"blok\\\"");
        assertThat(lines.get(10)).contains("flags.reliable: must be true or false, not 1");
        assertThat(lines.get(11)).contains("acks flag is clear");
        assertThat(lines.get(12)).contains("sequence: sequence number must be 0 to 4294967295, not 4294967296");
        assertThat(lines.get(13)).contains("packet: must be an object, not an array");
        assertThat(lines.get(14)).isEqualTo(lines.get(0));
    }

    @Test
    void encodeChecksFieldTypes() {
        assertThat(encodeError("UseCircuitCode", "{\"CircuitCode\":[{\"Code\":-1,\"SessionID\":\""
                + "00112233-4455-6677-8899-aabbccddeeff\",\"ID\":\"00112233-4455-6677-8899-aabbccddeeff\"}]}"))
                .contains("Code: U32 must be 0 to 4294967295, not -1");
        assertThat(encodeError("UseCircuitCode", "{\"CircuitCode\":[{\"Code\":1,\"SessionID\":\"0-0-0-0-0\","
                + "\"ID\":\"00112233-4455-6677-8899-aabbccddeeff\"}]}"))
                .contains("SessionID: LLUUID must be a string like");
        assertThat(encodeError("CreateTrustedCircuit", "{\"DataBlock\":[{\"EndPointID\":"
                + "\"00112233-4455-6677-8899-aabbccddeeff\",\"Digest\":\"00ff\"}]}"))
                .contains("Digest: Fixed 32 must be 32 bytes, not 2");
        assertThat(encodeError("CreateTrustedCircuit", "{\"DataBlock\":[{\"EndPointID\":"
                + "\"00112233-4455-6677-8899-aabbccddeeff\",\"Digest\":\"0g\"}]}"))
                .contains("Digest: Fixed 32 must be an even number of hex digits");
    }

    @Test
    void nonFiniteFloatsTravelAsStrings() {
        CliRun decoded = CliRun.run("packet", "decode", PacketSamples.hexOf(PacketSamples.withFloats(Float.NaN,
                Float.NEGATIVE_INFINITY)));
        assertThat(decoded.out()).contains("\"NaN\"", "\"-Infinity\"");
        CliRun encoded = CliRun.run("packet", "encode", decoded.out().strip());
        assertThat(encoded.lines()).containsExactly(PacketSamples.hexOf(PacketSamples.withFloats(Float.NaN,
                Float.NEGATIVE_INFINITY)));
    }

    @Test
    void packetWithoutSubcommandPrintsUsage() {
        CliRun run = CliRun.run("packet");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("decode", "encode");
    }

    private static String encodeError(String message, String blocks) {
        CliRun run = CliRun.run("packet", "encode", "{\"message\":\"" + message + "\",\"blocks\":" + blocks + "}");
        assertThat(run.exitCode()).isEqualTo(1);
        return run.out();
    }
}
