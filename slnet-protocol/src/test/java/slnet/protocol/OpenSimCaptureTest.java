package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.MapBlockReply;
import slnet.protocol.messages.Messages;

/**
 * The datagrams a real OpenSimulator 0.9.2.2 sent ({@code ../shared/captures}) decode the way the
 * official viewer reads them: every one of them leniently, and exactly the ones that need it with the
 * rule that applied.
 */
class OpenSimCaptureTest {
    /**
     * What OpenSimulator 0.9.2.2 leaves out or adds, by message; every other message of the capture
     * follows the template to the byte.
     */
    private static final Map<String, Set<Deviation>> EXPECTED_DEVIATIONS = Map.of(
            "AvatarAppearance", EnumSet.of(Deviation.MISSING_TRAILING_BLOCKS),      // no AttachmentBlock
            "ImprovedInstantMessage", EnumSet.of(Deviation.MISSING_TRAILING_BLOCKS), // no MetaData
            "RegionInfo", EnumSet.of(Deviation.MISSING_TRAILING_BLOCKS),            // no RegionInfo5
            "MapBlockReply", EnumSet.of(Deviation.TRAILING_BYTES));                  // a byte after Data

    private static List<CapturedDatagram> capture;

    private final PacketCodec lenient = new PacketCodec(Messages.REGISTRY, PacketCodec.DEFAULT_MTU, DecodeMode.LENIENT);
    private final PacketCodec strict = new PacketCodec();

    @BeforeAll
    static void readCapture() throws Exception {
        capture = SharedCaptures.openSim0922Inbound();
    }

    @Test
    void theCaptureIsTheOneItsReadmeDescribes() {
        assertThat(capture).hasSize(449);
    }

    @Test
    void everyDatagramDecodesLenientlyWithExactlyTheExpectedDeviations() throws Exception {
        Map<String, Set<Deviation>> seen = new TreeMap<>();
        for (CapturedDatagram datagram : capture) {
            Packet packet = lenient.decode(datagram.datagram(), 0, datagram.length());
            assertThat(packet.message().descriptor().name()).as(datagram.toLine()).isEqualTo(datagram.messageName());
            Set<Deviation> deviations = Deviation.setOf(lenient.lastDeviations());
            assertThat(deviations).as(datagram.toLine())
                    .isEqualTo(EXPECTED_DEVIATIONS.getOrDefault(datagram.messageName(), Set.of()));
            seen.merge(datagram.messageName(), deviations, (a, b) -> a);
        }
        assertThat(seen).containsKeys(EXPECTED_DEVIATIONS.keySet().toArray(String[]::new));
    }

    @Test
    void theDatagramsThatNeedNoToleranceDecodeStrictlyToTheSameMessage() throws Exception {
        for (CapturedDatagram datagram : capture) {
            Packet tolerant = lenient.decode(datagram.datagram(), 0, datagram.length());
            if (EXPECTED_DEVIATIONS.containsKey(datagram.messageName())) {
                assertThatThrownBy(() -> strict.decode(datagram.datagram(), 0, datagram.length()))
                        .as(datagram.toLine()).isInstanceOf(PacketDecodeException.class);
            } else {
                assertThat(strict.decode(datagram.datagram(), 0, datagram.length()).message())
                        .as(datagram.toLine()).isEqualTo(tolerant.message());
            }
        }
    }

    @Test
    void whatWasReadLenientlyReencodesAsTheTemplateSaysAndReadsBackStrictly() throws Exception {
        for (CapturedDatagram datagram : capture) {
            Message message = lenient.decode(datagram.datagram(), 0, datagram.length()).message();
            byte[] out = new byte[PacketCodec.MAX_PACKET_SIZE];
            PacketCodec big = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE);
            int length = big.encodeMessage(message, 0, 1, out, 0);
            assertThat(big.decodeMessage(out, 0, length)).as(datagram.toLine()).isEqualTo(message);
        }
    }

    @Test
    void instantMessagesFromOpenSimulatorKeepTheirTextAndHaveNoMetaData() throws Exception {
        List<ImprovedInstantMessage> ims = decodedAll(ImprovedInstantMessage.class);
        assertThat(ims).isNotEmpty().allSatisfy(im -> {
            assertThat(im.metaData()).isEmpty();
            assertThat(im.messageBlock().fromAgentName().length()).isPositive();
        });
    }

    @Test
    void mapBlockRepliesKeepEveryRegionBeforeTheStrayByte() throws Exception {
        List<MapBlockReply> replies = decodedAll(MapBlockReply.class);
        assertThat(replies).isNotEmpty().allSatisfy(reply -> assertThat(reply.data()).isNotEmpty()
                .allSatisfy(region -> assertThat(region.name().length()).isPositive()));
    }

    private <T extends Message> List<T> decodedAll(Class<T> type) throws PacketDecodeException {
        List<T> found = new java.util.ArrayList<>();
        for (CapturedDatagram datagram : capture) {
            Message message = lenient.decode(datagram.datagram(), 0, datagram.length()).message();
            if (type.isInstance(message)) {
                found.add(type.cast(message));
            }
        }
        return found;
    }
}
