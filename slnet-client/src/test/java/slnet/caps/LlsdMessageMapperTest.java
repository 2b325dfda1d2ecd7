package slnet.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.MessageFields;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdXml;
import slnet.protocol.messages.CrossedRegion;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.Messages;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

class LlsdMessageMapperTest {
    private final LlsdMessageMapper mapper = LlsdMessageMapper.standard();

    static Stream<MessageDescriptor> eventQueueMessages() {
        List<MessageDescriptor> all = Messages.REGISTRY.all().stream().filter(MessageDescriptor::eventQueue).toList();
        assertThat(all).as("message.xml routes some template messages over the event queue").hasSizeGreaterThan(10);
        return all.stream();
    }

    /** A sample of every event-queue message, built from its descriptor, survives LLSD XML both ways. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventQueueMessages")
    void everyEventQueueMessageRoundTripsThroughItsLlsdBody(MessageDescriptor descriptor) throws Exception {
        Message sample = sample(descriptor, 2);
        Llsd body = mapper.toLlsd(sample);
        Llsd overTheWire = LlsdXml.parse(LlsdXml.format(body));
        EventQueueEvent event = mapper.toEvent(descriptor.name(), overTheWire);
        assertThat(event).isInstanceOf(EventQueueEvent.TypedEvent.class);
        assertThat(((EventQueueEvent.TypedEvent) event).message()).isEqualTo(sample);
        for (BlockDescriptor block : descriptor.blocks()) {
            for (FieldDescriptor field : block.fields()) {
                Llsd value = body.get(block.name()).get(0).get(field.name());
                switch (field.type()) {
                    case U32, U64, S64, IPADDR -> assertThat(value).as(field.name()).isInstanceOf(Llsd.Binary.class);
                    case IPPORT, U8, U16, S8, S16, S32 -> assertThat(value).as(field.name()).isInstanceOf(Llsd.Int.class);
                    default -> { }
                }
            }
        }
    }

    @Test
    void enableSimulatorAsServersSendIt() throws Exception {
        Llsd body = Llsd.mapOf("SimulatorInfo", Llsd.arrayOf(Llsd.mapOf(
                "Handle", Llsd.of(new byte[] {0, 0, 0x03, (byte) 0xE8, 0, 0, 0x03, (byte) 0xE8}),
                "IP", Llsd.of(new byte[] {(byte) 192, (byte) 168, 1, 20}),
                "Port", Llsd.of(13005))));
        EnableSimulator m = (EnableSimulator) typed("EnableSimulator", body);
        assertThat(m.simulatorInfo().handle()).isEqualTo((1000L << 32) | 1000L);
        assertThat(m.simulatorInfo().ip()).isEqualTo(InetAddress.getByName("192.168.1.20"));
        assertThat(m.simulatorInfo().port()).isEqualTo(13005);
        assertThat(mapper.toLlsd(m)).isEqualTo(body);
    }

    @Test
    void teleportFinishAsServersSendIt() throws Exception {
        UUID agent = UUID.randomUUID();
        Llsd body = Llsd.mapOf("Info", Llsd.arrayOf(Llsd.mapOf(
                "AgentID", Llsd.of(agent),
                "LocationID", Llsd.ofU32(4),
                "SimIP", Llsd.of(new byte[] {10, 0, 0, 7}),
                "SimPort", Llsd.of(9000),
                "RegionHandle", Llsd.ofU64((256000L << 32) | 256256L),
                "SeedCapability", Llsd.of("https://sim7.example.net:12043/cap/0a1b2c3d-0000-4000-8000-000000000001"),
                "SimAccess", Llsd.of(13),
                "TeleportFlags", Llsd.ofU32(0x80000010L),
                // Newer servers add region sizes; the template has no such fields.
                "RegionSizeX", Llsd.of(256),
                "RegionSizeY", Llsd.of(256))));
        TeleportFinish m = (TeleportFinish) typed("TeleportFinish", LlsdXml.parse(LlsdXml.format(body)));
        assertThat(m.info().agentID()).isEqualTo(agent);
        assertThat(m.info().locationID()).isEqualTo(4);
        assertThat(m.info().simIP()).isEqualTo(InetAddress.getByName("10.0.0.7"));
        assertThat(m.info().simPort()).isEqualTo(9000);
        assertThat(m.info().regionHandle()).isEqualTo((256000L << 32) | 256256L);
        assertThat(m.info().seedCapability().asString()).endsWith("000000000001");
        assertThat(m.info().simAccess()).isEqualTo(13);
        assertThat(m.info().teleportFlags()).isEqualTo(0x80000010);
    }

    @Test
    void crossedRegionAsServersSendIt() throws Exception {
        Llsd body = Llsd.mapOf(
                "AgentData", Llsd.arrayOf(Llsd.mapOf("AgentID", Llsd.of(UUID.randomUUID()), "SessionID", Llsd.of(UUID.randomUUID()))),
                "Info", Llsd.arrayOf(Llsd.mapOf(
                        "LookAt", Llsd.arrayOf(Llsd.of(1.0), Llsd.of(0.0), Llsd.of(0.0)),
                        "Position", Llsd.arrayOf(Llsd.of(3.5), Llsd.of(128.0), Llsd.of(22.25)))),
                "RegionData", Llsd.arrayOf(Llsd.mapOf(
                        "RegionHandle", Llsd.ofU64((256256L << 32) | 256000L),
                        "SeedCapability", Llsd.of("https://sim8.example.net:12043/cap/x"),
                        "SimIP", Llsd.of(new byte[] {127, 0, 0, 1}),
                        "SimPort", Llsd.of(9001))));
        CrossedRegion m = (CrossedRegion) typed("CrossedRegion", body);
        assertThat(m.info().position()).isEqualTo(new Vector3(3.5f, 128f, 22.25f));
        assertThat(m.info().lookAt()).isEqualTo(new Vector3(1f, 0f, 0f));
        assertThat(m.regionData().regionHandle()).isEqualTo((256256L << 32) | 256000L);
        assertThat(m.regionData().simPort()).isEqualTo(9001);
    }

    @Test
    void establishAgentCommunicationIsAnLlsdEvent() throws Exception {
        Llsd body = Llsd.mapOf("agent-id", Llsd.of(UUID.randomUUID()),
                "sim-ip-and-port", Llsd.of("127.0.0.1:9002"),
                "seed-capability", Llsd.of("https://sim9.example.net:12043/cap/y"));
        assertThat(mapper.find("EstablishAgentCommunication")).isNull();
        EventQueueEvent e = mapper.toEvent("EstablishAgentCommunication", body);
        assertThat(e).isEqualTo(new EventQueueEvent.LlsdEvent("EstablishAgentCommunication", body));
    }

    @Test
    void numbersAreReadLeniently() throws Exception {
        // Integers where binary is usual, strings, and a dotted address.
        Llsd body = Llsd.mapOf("SimulatorInfo", Llsd.mapOf(
                "Handle", Llsd.of("1099511628032000"), "IP", Llsd.of("10.1.2.3"), "Port", Llsd.of(new byte[] {0x23, 0x28})));
        EnableSimulator m = (EnableSimulator) typed("EnableSimulator", body);
        assertThat(m.simulatorInfo().handle()).isEqualTo(1099511628032000L);
        assertThat(m.simulatorInfo().ip()).isEqualTo(InetAddress.getByName("10.1.2.3"));
        assertThat(m.simulatorInfo().port()).isEqualTo(9000);
        Llsd flagsAsInt = Llsd.mapOf("Info", Llsd.arrayOf(Llsd.mapOf("TeleportFlags", Llsd.of(-2147483632))));
        assertThat(((TeleportFinish) typed("TeleportFinish", flagsAsInt)).info().teleportFlags()).isEqualTo(0x80000010);
    }

    @Test
    void badBodiesAreCheckedErrorsNamingTheField() {
        assertThatThrownBy(() -> typed("EnableSimulator", Llsd.mapOf("SimulatorInfo", Llsd.arrayOf(Llsd.mapOf("Port", Llsd.of(70000))))))
                .isInstanceOf(LlsdMessageException.class).hasMessageContaining("SimulatorInfo.Port");
        assertThatThrownBy(() -> typed("EnableSimulator", Llsd.mapOf("SimulatorInfo", Llsd.arrayOf(Llsd.mapOf("IP", Llsd.of(new byte[3]))))))
                .isInstanceOf(LlsdMessageException.class).hasMessageContaining("IP");
        assertThatThrownBy(() -> typed("EnableSimulator", Llsd.of("nope")))
                .isInstanceOf(LlsdMessageException.class);
        assertThatThrownBy(() -> typed("TeleportFinish", Llsd.mapOf("Info", Llsd.arrayOf(Llsd.mapOf("AgentID", Llsd.of("not-a-uuid"))))))
                .isInstanceOf(LlsdMessageException.class).hasMessageContaining("AgentID");
    }

    private Message typed(String name, Llsd body) throws LlsdMessageException {
        return ((EventQueueEvent.TypedEvent) mapper.toEvent(name, body)).message();
    }

    /** Builds a message with distinct non-zero values in every field. */
    static Message sample(MessageDescriptor descriptor, int variableEntries) throws Exception {
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        int seed = 1;
        for (BlockDescriptor block : descriptor.blocks()) {
            int n = switch (block.cardinality()) {
                case SINGLE -> 1;
                case MULTIPLE -> block.count();
                case VARIABLE -> variableEntries;
            };
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor f : block.fields()) {
                    fields.put(f.name(), value(f, seed++));
                }
                entries.add(fields);
            }
            blocks.put(block.name(), entries);
        }
        return new MessageFields(descriptor, blocks).toMessage();
    }

    private static Object value(FieldDescriptor f, int s) throws Exception {
        return switch (f.type()) {
            case U8 -> 200 + s % 50;
            case U16 -> 60000 + s;
            case U32 -> 0x80000000 | s;
            case S8 -> -100 + s % 50;
            case S16 -> -30000 + s;
            case S32 -> -2_000_000_000 + s;
            case IPPORT -> 13000 + s;
            case U64 -> 0xF000_0000_0000_0000L | s;
            case S64 -> -(1L << 40) - s;
            case F32 -> 1.5f * s;
            case F64 -> 1e10 + s;
            case BOOL -> s % 2 == 0;
            case LLUUID -> new UUID(s, s * 31L);
            case IPADDR -> (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 0, (byte) s});
            case LLVECTOR3 -> new Vector3(s, -s, 0.5f);
            case LLVECTOR3D -> new Vector3d(s * 1000.25, -s, 0.5);
            case LLVECTOR4 -> new Vector4(s, -s, 0.5f, 2f);
            case LLQUATERNION -> new Quaternion(0f, 0f, 0.6f, 0.8f);
            case FIXED -> {
                byte[] b = new byte[f.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (s + i);
                }
                yield Bytes.copyOf(b);
            }
            // Alternate text (which travels as an LLSD string) and raw binary.
            case VARIABLE1, VARIABLE2 -> s % 2 == 0 ? Bytes.ofString("text " + s + " é")
                    : Bytes.copyOf(new byte[] {0, 1, 2, (byte) 0xff, (byte) s});
        };
    }
}
