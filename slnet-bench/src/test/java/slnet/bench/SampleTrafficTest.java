package slnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import slnet.protocol.Message;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.Zerocoder;

/** Checks that the benchmark inputs are what BENCHMARKS.md says they are. */
class SampleTrafficTest {
    private final PacketCodec codec = new PacketCodec();

    @Test
    void everySampleDatagramDecodesToItsMessage() throws Exception {
        for (Message message : SampleTraffic.messages()) {
            byte[] datagram = SampleTraffic.datagram(message);
            assertThat(codec.decode(datagram, 0, datagram.length).message()).isEqualTo(message);
            assertThat(datagram.length).isLessThanOrEqualTo(PacketCodec.DEFAULT_MTU);
        }
    }

    @Test
    void zerocodedSamplesAreSentZerocoded() {
        assertThat(SampleTraffic.datagram(SampleTraffic.objectUpdate())[0] & PacketHeader.ZEROCODED).isNotZero();
        assertThat(SampleTraffic.datagram(SampleTraffic.agentUpdate())[0] & PacketHeader.ZEROCODED).isNotZero();
    }

    @Test
    void chatMessageIsSixtyCharacters() {
        assertThat(SampleTraffic.chat60().chatData().message().asString()).hasSize(60);
    }

    @Test
    void tenAcksAreAppended() throws Exception {
        byte[] datagram = SampleTraffic.datagramWithTenAcks();
        assertThat(PacketHeader.ackCount(datagram, 0, datagram.length)).isEqualTo(10);
        Packet packet = codec.decode(datagram, 0, datagram.length);
        assertThat(packet.ackCount()).isEqualTo(10);
        assertThat(packet.message()).isEqualTo(SampleTraffic.chat60());
    }

    @Test
    void zeroCodedInputIs1200ValidBytesThatExpand() throws Exception {
        byte[] input = SampleTraffic.zeroCodedObjectUpdates();
        assertThat(input).hasSize(SampleTraffic.ZERO_CODED_INPUT_LENGTH);
        byte[] output = new byte[PacketCodec.MAX_PACKET_SIZE];
        int decoded = Zerocoder.decode(input, 0, input.length, output, 0, output.length, 6);
        assertThat(decoded).isGreaterThan(input.length);
    }

    @Test
    void committedComparisonDatagramsAreUpToDate() throws Exception {
        // Surefire runs in the module directory; the node-metaverse harness reads this file.
        java.nio.file.Path committed = java.nio.file.Path.of("..", "bench", "node-metaverse", "datagrams.json");
        assertThat(java.nio.file.Files.readString(committed))
                .as("regenerate with ComparisonDatagrams after changing SampleTraffic")
                .isEqualTo(ComparisonDatagrams.json());
    }

    @Test
    void comparisonJsonNamesEveryDatagram() {
        assertThat(ComparisonDatagrams.json()).contains("\"PacketAck(64)\"", "\"AgentUpdate\"", "\"zeroCoded\"",
                "\"withTenAcks\"");
    }
}
