package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The byte-exact vectors of slnet-protocol's {@code ByteExactVectorsTest} (written out by hand from
 * the protocol facts) through the command line: {@code packet decode} names the message and key
 * values, and {@code packet encode} of that JSON gives back the same bytes.
 */
class ByteExactVectorsCliTest {
    private static final String A = "11111111222233334444555555555555";
    private static final String S = "aaaaaaaabbbbccccddddeeeeeeeeeeee";
    private static final String HANDLE = "00e9030000e80300";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            StartPingCheck            | 00 00000001 00 01 05 78563412                              | "OldestUnacked":305419896
            StartPingCheck            | 70 00000007 00 01 05 78563412 00000001 01020304 02         | "acks":[1,16909060]
            PacketAck                 | 00 00000000 00 fffffffb 03 01000000 02000000 04030201      | {"ID":16909060}
            UseCircuitCode            | 40 00000001 00 ffff0003 efbeadde AAAA SSSS                 | "Code":3735928559
            CompleteAgentMovement     | 40 00000002 00 ffff00f9 AAAA SSSS 39300000                 | "CircuitCode":12345
            LogoutRequest             | 40 00000003 00 ffff00fc AAAA SSSS                          | "AgentID":"11111111-2222-3333-4444-555555555555"
            EnableSimulator           | 00 00000004 00 ffff0097 HHHH 7f000001 32c8                 | "IP":"127.0.0.1","Port":13000
            ChatFromViewer            | 80 00000005 00 ffff000150 AAAA SSSS 0300014869000101 0004  | "Message":"486900"
            ChatFromSimulator         | 00 00000005 00 ffff008b 04426f6200 AAAA SSSS 010101 00000043 00008142 0000b241 0600 48656c6c6f00 | "Position":[128.0,64.5,22.25]
            AgentUpdate               | 80 0000000a 00 04 AAAA SSSS 001c43 000343 0002c841 0002803f 000e803f 000e803f 00028042 0005 | "BodyRotation":[0.0,0.0,0.0]
            ImprovedTerseObjectUpdate | 00 0000000b 00 0f HHHH ffff 01 04deadbeef 0000               | "Data":"deadbeef"
            CoarseLocationUpdate      | 00 0000000c 00 ff06 02 010203 040506 ffff 0201 01 AAAA      | "You":-1,"Prey":258
            FindAgent                 | 00 0000000f 00 ffff0100 AAAA SSSS 0a000001 01 000000000000f83f 00000000000000c0 | "GlobalX":1.5,"GlobalY":-2.0
            CameraConstraint          | 80 00000010 00 16 000a803f 0002c8c1                         | "Plane":[0.0,0.0,1.0,-25.0]
            ObjectUpdate              | c0 0000000e 00 0c 0001e903 0002e803 0001ffff01 44332211 0001 AAAA 04030201 0903 00043f 00033f 00033f 0009 1001 0004 6464 0008 ff 0006 020001abcd 000c 010011 SSSS 0022 | "TextColor":"00000000"
            """)
    void decodeAndEncodeAgreeWithTheHandBuiltVectors(String message, String vector, String expected) {
        String hex = vector.replace("AAAA", A).replace("SSSS", S).replace("HHHH", HANDLE).replace(" ", "");
        CliRun decoded = CliRun.run("packet", "decode", hex);
        assertThat(decoded.exitCode()).as(decoded.lines().toString()).isZero();
        String json = decoded.lines().get(0);
        assertThat(json).contains("\"message\":\"" + message + "\"").contains(expected);
        CliRun encoded = CliRun.run("packet", "encode", json);
        assertThat(encoded.exitCode()).isZero();
        assertThat(encoded.lines()).containsExactly(hex);
    }
}
