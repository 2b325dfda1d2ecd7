package slnet.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.CompletePingCheck;
import slnet.protocol.messages.StartPingCheck;

class HandlerRegistryTest {

    private final HandlerRegistry registry = new HandlerRegistry();
    private final HandlerContext udp = TestContexts.udp("the client");
    private final List<String> calls = new ArrayList<>();

    private static StartPingCheck ping(int id) {
        return new StartPingCheck(new StartPingCheck.PingID(id, 0));
    }

    private static CompletePingCheck pong(int id) {
        return new CompletePingCheck(new CompletePingCheck.PingID(id));
    }

    @Test
    void handlersRunByPriorityThenRegistrationOrder() {
        registry.register(StartPingCheck.class, (m, c) -> calls.add("a0"));
        registry.register(StartPingCheck.class, 5, (m, c) -> calls.add("b5"));
        registry.register(StartPingCheck.class, -1, (m, c) -> calls.add("c-1"));
        registry.register(StartPingCheck.class, 5, (m, c) -> calls.add("d5"));
        registry.register(StartPingCheck.class, (m, c) -> calls.add("e0"));

        assertThat(registry.dispatch(ping(1), udp)).isEqualTo(5);
        assertThat(calls).containsExactly("b5", "d5", "a0", "e0", "c-1");
    }

    @Test
    void everyMessageHandlersMergeIntoThePriorityOrder() {
        registry.register(StartPingCheck.class, 1, (m, c) -> calls.add("typed1"));
        registry.onEveryMessage().priority(10).handle((m, c) -> calls.add("all10:" + m.descriptor().name()));
        registry.registerAll((m, c) -> calls.add("all0:" + m.descriptor().name()));
        registry.register(StartPingCheck.class, (m, c) -> calls.add("typed0"));

        registry.dispatch(ping(1), udp);
        registry.dispatch(pong(1), udp);
        assertThat(calls).containsExactly("all10:StartPingCheck", "typed1", "all0:StartPingCheck", "typed0",
                "all10:CompletePingCheck", "all0:CompletePingCheck");
    }

    @Test
    void handlersSeeOnlyTheirTypeAndTheContext() {
        registry.register(CompletePingCheck.class, (m, c) -> calls.add("pong " + m.pingID().pingID()));
        registry.register(StartPingCheck.class, (m, c) -> {
            calls.add("ping " + m.pingID().pingID() + " from " + c.circuit().remoteAddress().getPort()
                    + " in " + c.region().name() + " via " + c.path() + " for " + c.client(String.class));
            c.circuit().send(pong(m.pingID().pingID()), false);
        });

        registry.dispatch(ping(7), udp);
        assertThat(calls).containsExactly("ping 7 from 13000 in Sandbox via UDP for the client");
        assertThat(((TestContexts.RecordingCircuit) udp.circuit()).sent).containsExactly(pong(7));
        assertThat(registry.dispatch(new slnet.protocol.messages.SetAlwaysRun(
                new slnet.protocol.messages.SetAlwaysRun.AgentData(new java.util.UUID(0, 1), new java.util.UUID(0, 2), true)),
                udp)).isZero();
        assertThat(registry.stats().unhandled()).isEqualTo(1);
    }

    @Test
    void filtersDecidePerMessage() {
        registry.on(StartPingCheck.class)
                .filter((m, c) -> m.pingID().pingID() % 2 == 0)
                .handle((m, c) -> calls.add("even " + m.pingID().pingID()));
        registry.onEveryMessage()
                .filter((m, c) -> c.path() == MessagePath.EVENT_QUEUE)
                .handle((m, c) -> calls.add("eq " + m.descriptor().name()));

        for (int i = 0; i < 4; i++) {
            registry.dispatch(ping(i), udp);
        }
        registry.dispatch(ping(5), udp.withPath(MessagePath.EVENT_QUEUE));
        assertThat(calls).containsExactly("even 0", "even 2", "eq StartPingCheck");
        HandlerStats stats = registry.stats();
        assertThat(stats.filtered()).isEqualTo(2 + 4 + 1);
        assertThat(stats.handled()).isEqualTo(3);
        assertThat(stats.unhandled()).isEqualTo(2);
    }

    @Test
    void aThrowingHandlerIsCountedAndTheOthersStillRun() {
        registry.register(StartPingCheck.class, 2, (m, c) -> calls.add("before"));
        registry.on(StartPingCheck.class).priority(1).name("thrower")
                .handle((m, c) -> {
                    throw new java.io.IOException("expected by the test");
                });
        registry.on(StartPingCheck.class).filter((m, c) -> {
            throw new IllegalStateException("filter failure expected by the test");
        }).handle((m, c) -> calls.add("never"));
        registry.register(StartPingCheck.class, 0, (m, c) -> calls.add("after"));

        assertThat(registry.dispatch(ping(1), udp)).isEqualTo(3);
        assertThat(calls).containsExactly("before", "after");
        HandlerStats stats = registry.stats();
        assertThat(stats).isEqualTo(new HandlerStats(1, 2, 2, 0, 0));
    }

    @Test
    void removalIsIdempotentAndStopsDelivery() {
        Registration registration = registry.register(StartPingCheck.class, (m, c) -> calls.add("x"));
        registry.dispatch(ping(1), udp);
        registration.remove();
        registration.close();
        assertThat(registration.isActive()).isFalse();
        assertThat(registry.hasHandlers(StartPingCheck.class)).isFalse();
        registry.dispatch(ping(2), udp);
        assertThat(calls).containsExactly("x");
    }

    @Test
    void aHandlerRemovingItselfAndOthersDuringDispatchDoesNotBreakIt() {
        Registration[] regs = new Registration[4];
        regs[0] = registry.register(StartPingCheck.class, 3, (m, c) -> calls.add("first"));
        regs[1] = registry.register(StartPingCheck.class, 2, (m, c) -> {
            calls.add("remover");
            regs[1].remove();
            regs[0].remove();
            regs[2].remove();
            registry.register(StartPingCheck.class, 0, (m2, c2) -> calls.add("added"));
        });
        regs[2] = registry.register(StartPingCheck.class, 1, (m, c) -> calls.add("removed before reached"));
        regs[3] = registry.register(StartPingCheck.class, 0, (m, c) -> calls.add("last"));

        registry.dispatch(ping(1), udp);
        assertThat(calls).containsExactly("first", "remover", "last");
        calls.clear();
        registry.dispatch(ping(2), udp);
        assertThat(calls).containsExactly("last", "added");
    }

    @Test
    void asyncHandlersStartInOrderAndTheirOutcomesAreCounted() {
        CompletableFuture<Void> ok = new CompletableFuture<>();
        CompletableFuture<Void> bad = new CompletableFuture<>();
        registry.on(StartPingCheck.class).priority(2).handleAsync((m, c) -> {
            calls.add("async ok");
            return ok;
        });
        registry.registerAsync(StartPingCheck.class, (m, c) -> {
            calls.add("async bad");
            return bad;
        });
        registry.register(StartPingCheck.class, 1, (m, c) -> calls.add("sync"));
        registry.registerAsync(StartPingCheck.class, (m, c) -> null);
        registry.registerAsync(StartPingCheck.class, (AsyncMessageHandler<StartPingCheck>) (m, c) -> {
            throw new IllegalStateException("expected by the test");
        });

        assertThat(registry.dispatch(ping(1), udp)).isEqualTo(5);
        assertThat(calls).containsExactly("async ok", "sync", "async bad");
        assertThat(registry.stats().handled()).isEqualTo(2); // sync + null stage
        assertThat(registry.stats().failures()).isEqualTo(1);

        ok.complete(null);
        bad.completeExceptionally(new IllegalStateException("expected by the test"));
        assertThat(registry.stats()).isEqualTo(new HandlerStats(1, 3, 2, 0, 0));
    }

    @Test
    void llsdEventsDispatchByName() {
        HandlerContext eq = udp.withPath(MessagePath.EVENT_QUEUE);
        registry.registerLlsd("TeleportFinish", (name, body, c) -> calls.add("low " + name + " " + c.path()));
        registry.registerLlsd("TeleportFinish", 9, (name, body, c) -> calls.add("high "
                + ((Llsd.Map) body).entries().get("Info")));
        Registration other = registry.registerLlsd("EstablishAgentCommunication", (name, body, c) -> {
            throw new IllegalStateException("expected by the test");
        });

        Llsd body = new Llsd.Map(Map.of("Info", new Llsd.Str("x")));
        assertThat(registry.dispatchLlsd("TeleportFinish", body, eq)).isEqualTo(2);
        assertThat(registry.dispatchLlsd("EstablishAgentCommunication", body, eq)).isEqualTo(1);
        other.remove();
        assertThat(registry.dispatchLlsd("EstablishAgentCommunication", body, eq)).isZero();
        assertThat(registry.dispatchLlsd("Unknown", body, eq)).isZero();
        assertThat(calls).containsExactly("high " + new Llsd.Str("x"), "low TeleportFinish EVENT_QUEUE");
        assertThat(registry.stats()).isEqualTo(new HandlerStats(4, 2, 1, 0, 2));
    }

    @Test
    void everyEventHandlersMergeIntoEachEventsOrder() {
        HandlerContext eq = udp.withPath(MessagePath.EVENT_QUEUE);
        registry.registerLlsd("TeleportFinish", 1, (name, body, c) -> calls.add("named1"));
        Registration trace = registry.registerAllLlsd(5, (name, body, c) -> calls.add("trace5 " + name));
        registry.registerAllLlsd(0, (name, body, c) -> calls.add("trace0 " + name));

        assertThat(registry.dispatchLlsd("TeleportFinish", Llsd.of(1), eq)).isEqualTo(3);
        assertThat(registry.dispatchLlsd("AgentGroupDataUpdate", Llsd.of(2), eq)).isEqualTo(2);
        trace.remove();
        assertThat(trace.toString()).contains("every event", "removed");
        assertThat(registry.dispatchLlsd("TeleportFinish", Llsd.of(3), eq)).isEqualTo(2);
        assertThat(calls).containsExactly("trace5 TeleportFinish", "named1", "trace0 TeleportFinish",
                "trace5 AgentGroupDataUpdate", "trace0 AgentGroupDataUpdate",
                "named1", "trace0 TeleportFinish");
    }

    @Test
    void refusesTypesThatCanNeverMatch() {
        assertThatThrownBy(() -> registry.register(Message.class, (m, c) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registerAll");
    }

    @Test
    void contextChecksItsParts() {
        assertThatThrownBy(() -> udp.client(Integer.class)).isInstanceOf(IllegalStateException.class);
        HandlerContext noClient = new HandlerContext(null, udp.circuit(), udp.region(), MessagePath.UDP);
        assertThatThrownBy(() -> noClient.client(String.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("absent");
        assertThat(udp.withPath(MessagePath.UDP)).isSameAs(udp);
        assertThatThrownBy(() -> new HandlerContext(null, null, udp.region(), MessagePath.UDP))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void registrationNamesShowInToString() {
        Registration r = registry.on(StartPingCheck.class).name("ping-responder").priority(3).handle((m, c) -> { });
        assertThat(r.toString()).contains("ping-responder", "StartPingCheck", "priority 3");
        r.remove();
        assertThat(r.toString()).contains("removed");
    }
}
