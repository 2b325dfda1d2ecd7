package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.Messages;

/** Every message of the registry, zerocoded and not, with acks, through decode and encode. */
class PacketRoundTripTest {

    private static List<String> sampleHex;

    /** Built once: reflecting every sample into typed messages is the slow part of this class. */
    private static synchronized List<String> sampleHex() {
        if (sampleHex != null) {
            return sampleHex;
        }
        List<String> hex = new ArrayList<>();
        for (MessageDescriptor descriptor : Messages.REGISTRY.all()) {
            for (Packet packet : PacketSamples.packets(descriptor)) {
                hex.add(PacketSamples.hexOf(packet));
            }
        }
        sampleHex = List.copyOf(hex);
        return sampleHex;
    }

    @Test
    void everyMessageSurvivesDecodeThenEncodeByteForByte() {
        List<String> hex = sampleHex();
        assertThat(hex).hasSize(2 * Messages.REGISTRY.all().size());

        CliRun decoded = CliRun.withStdin(String.join("\n", hex) + "\n", "packet", "decode");
        assertThat(decoded.lines()).hasSize(hex.size()).noneMatch(line -> line.startsWith("{\"error\""));
        assertThat(decoded.exitCode()).isZero();

        CliRun encoded = CliRun.withStdin(String.join("\n", decoded.lines()), "packet", "encode");
        assertThat(encoded.exitCode()).as(encoded.out()).isZero();
        assertThat(encoded.lines()).containsExactlyElementsOf(hex);
    }

    @Test
    void everyMessageSurvivesPacketJsonInMemory() throws PacketDecodeException, PacketJsonException {
        PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
        for (String hex : sampleHex()) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            Packet packet = codec.decode(bytes, 0, bytes.length);
            String json = PacketJson.write(packet);
            assertThat(PacketJson.parse(json)).as(json).isEqualTo(packet);
        }
    }

    @Test
    void samplesShowUnsignedAndEdgeValues() {
        CliRun run = CliRun.run("packet", "decode", PacketSamples.hexOf(PacketSamples.packets(
                Messages.REGISTRY.byName("AgentUpdate")).get(0)));
        assertThat(run.out()).contains("\"sequence\":4294967294", "\"acks\":[1,4294967295]", "\"Far\":-0.0",
                "\"CameraCenter\":[1.0E-7,1.5,-2.25E20]", "\"ControlFlags\":4294967294",
                "\"AgentID\":\"0123abcd-4567-89ef-fedc-ba9876543210\"", "\"BodyRotation\":[0.5,-0.25,0.125]");
    }
}
