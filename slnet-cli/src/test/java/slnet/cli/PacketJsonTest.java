package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.MessageFields;
import slnet.protocol.Packet;
import slnet.protocol.messages.Messages;
import slnet.protocol.types.Bytes;

class PacketJsonTest {

    /** The JSON of a sample packet of {@code message}, re-parsed so it is mutable. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(String message) throws JsonParseException {
        Packet packet = PacketSamples.packets(Messages.REGISTRY.byName(message)).get(0);
        return (Map<String, Object>) Json.parse(PacketJson.write(packet));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstEntry(Map<String, Object> packet, String block) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) packet.get("blocks")).get(block)).get(0);
    }

    private static Object fieldAfterRoundTrip(String message, String block, String field, Object json)
            throws Exception {
        Map<String, Object> packet = sample(message);
        firstEntry(packet, block).put(field, json);
        return MessageFields.of(PacketJson.fromJson(packet).message()).blocks().get(block).get(0).get(field);
    }

    private static void assertRejected(String message, String block, String field, Object json, String error)
            throws JsonParseException {
        Map<String, Object> packet = sample(message);
        firstEntry(packet, block).put(field, json);
        assertThatThrownBy(() -> PacketJson.fromJson(packet)).isInstanceOf(PacketJsonException.class)
                .hasMessageContaining(error);
    }

    @Test
    void acceptsUnsignedEdgesAndRejectsBeyondThem() throws Exception {
        assertThat(fieldAfterRoundTrip("ObjectUpdate", "RegionData", "RegionHandle",
                new BigDecimal("18446744073709551615"))).isEqualTo(-1L);
        assertRejected("ObjectUpdate", "RegionData", "RegionHandle", new BigDecimal("18446744073709551616"),
                "U64 must be 0 to 18446744073709551615, not 18446744073709551616");
        assertRejected("ObjectUpdate", "RegionData", "RegionHandle", -1L, "U64 must be 0 to");
        assertThat(fieldAfterRoundTrip("AgentFOV", "AgentData", "CircuitCode", 4294967295L)).isEqualTo(-1);
        assertRejected("AgentFOV", "AgentData", "CircuitCode", new BigDecimal("1E+500"), "not 1E+500");
        assertThat(fieldAfterRoundTrip("AgentFOV", "AgentData", "CircuitCode", new BigDecimal("1.0E+2")))
                .isEqualTo(100);
    }

    @Test
    void floatsAcceptNumbersAndNamedNonFiniteValues() throws Exception {
        assertThat(fieldAfterRoundTrip("AgentFOV", "FOVBlock", "VerticalAngle", "Infinity"))
                .isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(fieldAfterRoundTrip("AgentFOV", "FOVBlock", "VerticalAngle", 3L)).isEqualTo(3f);
        assertThat(fieldAfterRoundTrip("AgentFOV", "FOVBlock", "VerticalAngle", -0.0d)).isEqualTo(-0.0f);
        assertRejected("AgentFOV", "FOVBlock", "VerticalAngle", new BigDecimal("1e39"), "beyond the range of F32");
        assertRejected("AgentFOV", "FOVBlock", "VerticalAngle", "nan", "F32 must be a number or \"NaN\"");
    }

    @Test
    void addressesMustBeStrictDottedQuads() throws Exception {
        assertThat(fieldAfterRoundTrip("OpenCircuit", "CircuitInfo", "IP", "192.168.0.255").toString())
                .isEqualTo("/192.168.0.255");
        for (String bad : new String[] {"1.2.3", "256.1.1.1", "localhost", "1.2.3.4.5", "1..2.3", "+1.2.3.4"}) {
            assertRejected("OpenCircuit", "CircuitInfo", "IP", bad, "IPADDR must be a dotted quad");
        }
        assertRejected("OpenCircuit", "CircuitInfo", "Port", 65536L, "IPPORT must be 0 to 65535");
    }

    @Test
    void vectorsAndBytesAreChecked() throws Exception {
        assertRejected("AgentUpdate", "AgentData", "CameraCenter", List.of(1L, 2L), "LLVector3 must be an array of 3");
        assertRejected("AgentUpdate", "AgentData", "CameraCenter", List.of(1L, 2L, "x"), "CameraCenter[2]: F32");
        assertThat(fieldAfterRoundTrip("AgentUpdate", "AgentData", "BodyRotation", List.of(0L, 0L, 0L)).toString())
                .isEqualTo("Quaternion[x=0.0, y=0.0, z=0.0, w=1.0]");
        assertRejected("ObjectUpdate", "ObjectData", "ObjectData", "00".repeat(256),
                "Variable 1 must be 0 to 255 bytes, not 256");
        assertThat(fieldAfterRoundTrip("ObjectUpdate", "ObjectData", "ObjectData", "ABcd"))
                .isEqualTo(Bytes.fromHex("abcd"));
    }

    @Test
    void unknownFlagBitsSurviveAsOther() throws PacketJsonException {
        Packet packet = Packet.of(0x41, 9, Bytes.EMPTY, new int[0],
                PacketSamples.message(Messages.REGISTRY.byName("CompletePingCheck"), 0f, 0f));
        String json = PacketJson.write(packet);
        assertThat(json).startsWith("{\"flags\":{\"zerocoded\":false,\"reliable\":true,\"resent\":false,\"acks\":false,"
                + "\"other\":1},");
        assertThat(PacketJson.parse(json)).isEqualTo(packet);
        assertThatThrownBy(() -> PacketJson.parse(json.replace("\"other\":1", "\"other\":16")))
                .hasMessageContaining("flags.other: must not include the named bits");
    }

    @Test
    void variableBlocksMayBeOmittedButNotOverfilled() throws Exception {
        Map<String, Object> packet = sample("ObjectUpdate");
        @SuppressWarnings("unchecked")
        Map<String, Object> blocks = (Map<String, Object>) packet.get("blocks");
        blocks.remove("ObjectData");
        assertThat(PacketJson.fromJson(packet).message()).isNotNull();
        blocks.put("ObjectData", java.util.Collections.nCopies(256, Map.of()));
        assertThatThrownBy(() -> PacketJson.fromJson(packet))
                .hasMessageContaining("blocks.ObjectData: a Variable block needs at most 255 entries, not 256");
    }

    @Test
    void invalidJsonNamesTheOffset() {
        assertThatThrownBy(() -> PacketJson.parse("{\"message\" \"x\"}"))
                .isInstanceOf(PacketJsonException.class).hasMessage("invalid JSON: unexpected '\"', expected ':' at offset 11");
    }
}
