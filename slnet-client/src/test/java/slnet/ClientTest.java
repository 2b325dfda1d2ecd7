package slnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.network.NetworkConfig;
import slnet.network.NetworkStatus;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.testing.LeakCheckExtension;

/** The facade without a grid: state checks, domain mappings and the motion-block reader. */
@ExtendWith(LeakCheckExtension.class)
class ClientTest {

    @Test
    void sendingBeforeConnectingIsRefusedAndCloseLeavesNothing() {
        Client client = Client.create(ClientConfig.builder()
                .network(NetworkConfig.builder().logoutOnShutdown(false).build()).build());
        assertThat(client.status()).isEqualTo(NetworkStatus.IDLE);
        assertThatThrownBy(() -> client.chat().say("hi")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not connected");
        assertThatThrownBy(() -> client.ims().send(UUID.randomUUID(), "hi")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.chat().say("x".repeat(Chat.MAX_MESSAGE_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.region()).isEmpty();
        assertThat(client.stats().circuits()).isEmpty();
        client.close();
        client.close();
        assertThat(client.status()).isEqualTo(NetworkStatus.IDLE);
    }

    @Test
    void chatTypesMapBothWays() {
        for (ChatType type : ChatType.values()) {
            if (type != ChatType.UNKNOWN) {
                assertThat(ChatType.fromCode(type.code())).isEqualTo(type);
            }
        }
        assertThat(ChatType.fromCode(3)).isEqualTo(ChatType.UNKNOWN);
        assertThat(ChatSourceType.fromCode(1)).isEqualTo(ChatSourceType.AGENT);
        assertThat(ChatSourceType.fromCode(9)).isEqualTo(ChatSourceType.UNKNOWN);
    }

    @Test
    void imSessionIsSymmetric() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(InstantMessages.sessionWith(a, b)).isEqualTo(InstantMessages.sessionWith(b, a));
    }

    @Test
    void readsPositionsFromMotionBlocksAndRejectsOddLengths() {
        ByteBuffer full = ByteBuffer.allocate(76).order(ByteOrder.LITTLE_ENDIAN);
        full.putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(10).putFloat(20).putFloat(30);
        assertThat(AvatarMotion.fullUpdatePosition(Bytes.copyOf(full.array()))).isEqualTo(new Vector3(10, 20, 30));

        ByteBuffer terse = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        terse.putInt(0xFFFF_FFFE).put((byte) 0).put((byte) 1).putFloat(0).putFloat(0).putFloat(1).putFloat(0)
                .putFloat(1).putFloat(2).putFloat(3);
        Bytes t = Bytes.copyOf(terse.array());
        assertThat(AvatarMotion.terseLocalId(t)).isEqualTo(0xFFFF_FFFEL);
        assertThat(AvatarMotion.tersePosition(t)).isEqualTo(new Vector3(1, 2, 3));

        assertThat(AvatarMotion.fullUpdatePosition(Bytes.copyOf(new byte[10]))).isNull();
        assertThat(AvatarMotion.terseLocalId(Bytes.copyOf(new byte[3]))).isEqualTo(-1);
        assertThat(AvatarMotion.tersePosition(Bytes.copyOf(new byte[12]))).isNull();
    }
}
