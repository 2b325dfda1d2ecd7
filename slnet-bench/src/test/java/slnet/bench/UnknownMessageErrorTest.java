package slnet.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import slnet.protocol.Frequency;
import slnet.protocol.MessageRegistry;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.Messages;

/**
 * PacketCodec now spells out a message number only when it is unknown (it used to on every
 * decode, which the benchmarks showed as an allocation per packet); the error must read as before.
 */
class UnknownMessageErrorTest {
    private final PacketCodec codec = new PacketCodec();
    private final MessageRegistry registry = Messages.REGISTRY;

    @Test
    void unknownNumbersOfEveryFrequencyAreReportedAsBefore() {
        int high = unused(Frequency.HIGH, 1, 254);
        expectUnknown(new byte[] {0, 0, 0, 0, 1, 0, (byte) high}, "High " + high);
        int medium = unused(Frequency.MEDIUM, 1, 254);
        expectUnknown(new byte[] {0, 0, 0, 0, 1, 0, (byte) 0xFF, (byte) medium}, "Medium " + medium);
        int low = unused(Frequency.LOW, 1, 0xFEFF);
        expectUnknown(new byte[] {0, 0, 0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) (low >>> 8), (byte) low},
                "Low " + low);
        int fixed = unused(Frequency.FIXED, 0, 254);
        expectUnknown(new byte[] {0, 0, 0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) fixed},
                "Fixed 0xFFFFFF" + String.format("%02X", fixed));
    }

    private int unused(Frequency frequency, int from, int to) {
        for (int n = from; n <= to; n++) {
            if (registry.find(frequency, n) == null) {
                return n;
            }
        }
        throw new AssertionError("every " + frequency + " number is used");
    }

    private void expectUnknown(byte[] datagram, String number) {
        assertThatThrownBy(() -> codec.decode(datagram, 0, datagram.length))
                .isInstanceOfSatisfying(PacketDecodeException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.reason())
                            .isEqualTo(PacketDecodeException.Reason.UNKNOWN_MESSAGE);
                    org.assertj.core.api.Assertions.assertThat(e.offset()).isEqualTo(6);
                    org.assertj.core.api.Assertions.assertThat(e.detail()).isEqualTo("no message is numbered " + number);
                });
    }
}
