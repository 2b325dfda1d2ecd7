package slnet.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import slnet.caps.CapabilityException;
import slnet.caps.RegionCapabilities;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.MessagePath;
import slnet.handler.RegionView;
import slnet.network.RegionCapabilityAccess;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.UUIDNameReply;
import slnet.protocol.messages.UUIDNameRequest;
import slnet.protocol.types.Bytes;
import slnet.time.ManualScheduler;

/** Batching, caching and failing of name lookups, on a manual clock, without sockets. */
class NamesTest {
    private static final long MS = 1_000_000L;
    private static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-0000000000b1");

    private final HandlerRegistry handlers = new HandlerRegistry();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Recording circuit = new Recording();
    private final HandlerContext context = new HandlerContext(null, circuit, new Region(), MessagePath.UDP);
    private volatile RegionCapabilityAccess caps;
    private final Names names = new Names(handlers, scheduler, () -> Optional.of(circuit), () -> Optional.ofNullable(caps),
            new Names.Config(Duration.ofMillis(50), Duration.ofSeconds(2), 3));

    @Test
    void idsAskedWithinTheWindowGoOutInOneMessage() throws Exception {
        CompletableFuture<String> a = names.legacyName(ALICE);
        CompletableFuture<String> b = names.legacyName(BOB);
        CompletableFuture<String> again = names.legacyName(ALICE);
        assertThat(circuit.sent).isEmpty();
        scheduler.advanceBy(50 * MS);
        assertThat(circuit.sent).singleElement().isInstanceOfSatisfying(UUIDNameRequest.class,
                r -> assertThat(r.uuidNameBlock()).extracting(UUIDNameRequest.UUIDNameBlock::id)
                        .containsExactly(ALICE, BOB));

        handlers.dispatch(reply(ALICE, "Alice", "Tester", BOB, "Bob", "Resident"), context);
        assertThat(a.get()).isEqualTo("Alice Tester");
        assertThat(again.get()).isEqualTo("Alice Tester");
        assertThat(b.get()).isEqualTo("Bob Resident");
        // Cached: no more messages.
        assertThat(names.legacyName(BOB).get()).isEqualTo("Bob Resident");
        scheduler.advanceBy(100 * MS);
        assertThat(circuit.sent).hasSize(1);
    }

    @Test
    void aBigBatchIsSplitIntoBoundedMessages() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2 * Names.MAX_IDS_PER_REQUEST + 1; i++) {
            ids.add(new UUID(1, i));
        }
        names.legacyNames(ids);
        scheduler.advanceBy(50 * MS);
        assertThat(circuit.sent).hasSize(3).allSatisfy(m -> assertThat(((UUIDNameRequest) m).uuidNameBlock().size())
                .isLessThanOrEqualTo(Names.MAX_IDS_PER_REQUEST));
    }

    @Test
    void noAnswerFailsWithATimeoutAndAskingAgainTriesAgain() {
        CompletableFuture<String> a = names.legacyName(ALICE);
        scheduler.advanceBy(50 * MS);
        scheduler.advanceBy(1_999 * MS);
        assertThat(a).isNotDone();
        scheduler.advanceBy(MS);
        assertThatThrownBy(a::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(NameLookupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NameLookupException.Kind.TIMEOUT);
                    assertThat(e.id()).isEqualTo(ALICE);
                });
        CompletableFuture<String> retry = names.legacyName(ALICE);
        scheduler.advanceBy(50 * MS);
        assertThat(circuit.sent).hasSize(2);
        handlers.dispatch(reply(ALICE, "Alice", "Tester"), context);
        assertThat(retry).isCompletedWithValue("Alice Tester");
    }

    @Test
    void withoutACircuitTheLookupFailsAtOnce() {
        Names offline = new Names(new HandlerRegistry(), scheduler, Optional::empty, Optional::empty,
                Names.Config.DEFAULTS);
        CompletableFuture<String> a = offline.legacyName(ALICE);
        scheduler.advanceBy(50 * MS);
        assertThatThrownBy(a::get).cause().isInstanceOfSatisfying(NameLookupException.class,
                e -> assertThat(e.kind()).isEqualTo(NameLookupException.Kind.NOT_CONNECTED));
    }

    @Test
    void closingFailsWhatWaitsAndWhatIsAskedAfter() {
        CompletableFuture<String> a = names.legacyName(ALICE);
        names.close();
        assertThatThrownBy(a::get).cause().isInstanceOfSatisfying(NameLookupException.class,
                e -> assertThat(e.kind()).isEqualTo(NameLookupException.Kind.CLOSED));
        assertThat(names.legacyName(BOB)).isCompletedExceptionally();
        assertThat(handlers.hasHandlers(UUIDNameReply.class)).isFalse();
    }

    @Test
    void unaskedRepliesAreCachedAndTheCacheIsBounded() {
        handlers.dispatch(reply(new UUID(2, 1), "A", "One", new UUID(2, 2), "B", "Two", new UUID(2, 3), "C", "Three"),
                context);
        handlers.dispatch(reply(new UUID(2, 4), "D", "Four"), context);
        assertThat(names.cachedLegacyName(new UUID(2, 4))).contains("D Four");
        assertThat(names.cachedLegacyName(new UUID(2, 1))).isEmpty(); // the least recently used went
    }

    @Test
    void displayNamesComeFromTheCapabilityInOneCall() throws Exception {
        Capability cap = new Capability();
        caps = cap;
        CompletableFuture<Map<UUID, DisplayName>> both = names.displayNames(List.of(ALICE, BOB));
        scheduler.advanceBy(50 * MS);
        assertThat(cap.queries).singleElement().isEqualTo("ids=" + ALICE + "&ids=" + BOB);
        cap.answer.complete(Llsd.mapOf("agents", Llsd.arrayOf(Llsd.map().put("id", ALICE).put("username", "alice.tester")
                .put("display_name", "Ally").put("legacy_first_name", "Alice").put("legacy_last_name", "Tester")
                .put("is_display_name_default", false).build()), "bad_ids", Llsd.arrayOf(Llsd.of(BOB))));
        assertThatThrownBy(both::get).cause().isInstanceOfSatisfying(NameLookupException.class,
                e -> assertThat(e.kind()).isEqualTo(NameLookupException.Kind.UNKNOWN_ID));
        DisplayName ally = names.cachedDisplayName(ALICE).orElseThrow();
        assertThat(ally.displayName()).isEqualTo("Ally");
        assertThat(ally.legacyName()).isEqualTo("Alice Tester");
        assertThat(names.cachedLegacyName(ALICE)).contains("Alice Tester"); // legacy names come along
    }

    @Test
    void aFailedCapabilityCallFailsItsBatch() {
        Capability cap = new Capability();
        caps = cap;
        CompletableFuture<DisplayName> a = names.displayName(ALICE);
        scheduler.advanceBy(50 * MS);
        cap.answer.completeExceptionally(new CapabilityException(CapabilityException.Kind.HTTP_STATUS, 500, "HTTP 500",
                null));
        assertThatThrownBy(a::get).cause().isInstanceOfSatisfying(NameLookupException.class,
                e -> assertThat(e.kind()).isEqualTo(NameLookupException.Kind.FAILED));
    }

    @Test
    void withoutTheCapabilityTheLegacyNameStandsIn() throws Exception {
        CompletableFuture<DisplayName> a = names.displayName(BOB);
        scheduler.advanceBy(50 * MS); // the display batch asks for the legacy name...
        scheduler.advanceBy(50 * MS); // ...whose own batch goes out
        assertThat(circuit.sent).hasSize(1);
        handlers.dispatch(reply(BOB, "Bob", "Resident"), context);
        DisplayName bob = a.get();
        assertThat(bob.displayName()).isEqualTo("Bob Resident");
        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.isDefault()).isTrue();
    }

    private static UUIDNameReply reply(Object... idFirstLast) {
        List<UUIDNameReply.UUIDNameBlock> blocks = new ArrayList<>();
        for (int i = 0; i < idFirstLast.length; i += 3) {
            blocks.add(new UUIDNameReply.UUIDNameBlock((UUID) idFirstLast[i], Bytes.ofString((String) idFirstLast[i + 1]),
                    Bytes.ofString((String) idFirstLast[i + 2])));
        }
        return new UUIDNameReply(blocks);
    }

    private static final class Recording implements CircuitView {
        final List<Message> sent = new CopyOnWriteArrayList<>();

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 13000);
        }

        @Override
        public void send(Message message, boolean reliable) {
            sent.add(message);
        }
    }

    private record Region() implements RegionView {
        @Override
        public String name() {
            return "Sandbox";
        }

        @Override
        public long handle() {
            return 1L;
        }
    }

    /** A region granting GetDisplayNames whose answer the test gives. */
    private static final class Capability implements RegionCapabilityAccess {
        final List<String> queries = new CopyOnWriteArrayList<>();
        final CompletableFuture<Llsd> answer = new CompletableFuture<>();

        @Override
        public RegionCapabilities granted() {
            return RegionCapabilities.ofUrls(URI.create("http://127.0.0.1/seed"),
                    Map.of(Names.DISPLAY_NAMES_CAPABILITY, "http://127.0.0.1/cap/1"));
        }

        @Override
        public Llsd post(String name, Llsd body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Llsd get(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Llsd> getAsync(String name, String query) {
            queries.add(query);
            return answer;
        }
    }
}
