package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ImDialog;
import slnet.ImReceived;
import slnet.UrlOffered;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.LoadURL;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Every kind of instant message a simulator may send reaches the client as an event, typed where the
 * viewer knows the kind and raw where it does not, over real UDP; and a script's URL offer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ImDialogsTest extends BotsOnTestGrid {
    private static final UUID SENDER = UUID.fromString("0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private static ImprovedInstantMessage im(int dialog, Bytes bucket) {
        return new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(SENDER, new UUID(0, 0)),
                new ImprovedInstantMessage.MessageBlock(false, ALICE.agentId(), 0, new UUID(0, 0), Vector3.ZERO, 0,
                        dialog, UUID.randomUUID(), 0, Bytes.ofString("Sender Resident"),
                        Bytes.ofString("dialog " + dialog), bucket),
                new ImprovedInstantMessage.EstateBlock(0), List.of());
    }

    @Test
    void everyDialogArrivesTypedOrRaw() throws Exception {
        Map<Integer, ImReceived> got = new TreeMap<>();
        int unknown = 77;
        for (ImDialog d : ImDialog.values()) {
            sim.send(ALICE.agentId(), im(d.code(), Bytes.copyOf(new byte[] {(byte) d.code()})), true);
        }
        sim.send(ALICE.agentId(), im(unknown, Bytes.EMPTY), true);
        while (got.size() < ImDialog.values().length + 1) {
            ImReceived r = events.awaitEvent(ImReceived.class, e -> e.message().fromId().equals(SENDER), WAIT);
            got.put(r.message().dialog(), r);
        }
        for (ImDialog d : ImDialog.values()) {
            ImReceived r = got.get(d.code());
            assertThat(r.message().dialogType()).as(d.name()).contains(d);
            assertThat(r.message().text()).isEqualTo("dialog " + d.code());
            assertThat(r.message().binaryBucket().toArray()).containsExactly((byte) d.code());
        }
        assertThat(got.get(unknown).message().dialogType()).isEmpty();
        assertThat(got.get(unknown).message().binaryBucket().length()).isZero();
    }

    @Test
    void aUrlOfferIsAnEvent() throws Exception {
        UUID object = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        sim.send(ALICE.agentId(), new LoadURL(new LoadURL.Data(Bytes.ofString("Info Board"), object, owner, false,
                Bytes.ofString("Read the rules"), Bytes.ofString("https://example.org/rules"))), true);
        UrlOffered offered = events.awaitEvent(UrlOffered.class, WAIT);
        assertThat(offered.objectId()).isEqualTo(object);
        assertThat(offered.objectName()).isEqualTo("Info Board");
        assertThat(offered.ownerId()).isEqualTo(owner);
        assertThat(offered.ownerIsGroup()).isFalse();
        assertThat(offered.message()).isEqualTo("Read the rules");
        assertThat(offered.url()).isEqualTo("https://example.org/rules");
    }
}
