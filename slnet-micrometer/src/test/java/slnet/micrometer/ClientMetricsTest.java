package slnet.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.sim.Simulator;
import slnet.testing.junit.SlnetTestGrid;

/** A client's meters in a {@link SimpleMeterRegistry}, against the embedded test grid. */
@SlnetTestGrid(accounts = "Metered Bot", regions = {"Alpha", "Faraway@1010,1010"},
        lifecycle = SlnetTestGrid.Lifecycle.PER_TEST)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private double counter(String name, String... tags) {
        FunctionCounter counter = registry.get(name).tags("bot", "metered").tags(tags).functionCounter();
        return counter.count();
    }

    private double gauge(String name) {
        Gauge gauge = registry.get(name).tags("bot", "metered").gauge();
        return gauge.value();
    }

    @Test
    void circuitHandlerAndEventCountersFollowTheSession(Client client, TestAccount bot, Simulator alpha)
            throws Exception {
        try (ClientMetrics metrics = new ClientMetrics(client, Tags.of("bot", "metered"))) {
            metrics.bindTo(registry);
            double before = counter("slnet.circuit.packets", "direction", "out");
            client.chat().say("counted");
            alpha.awaitMessage(bot.agentId(), "ChatFromViewer", Duration.ofSeconds(10));

            assertThat(counter("slnet.circuit.packets", "direction", "out")).isGreaterThan(before);
            assertThat(counter("slnet.circuit.packets", "direction", "in")).isPositive();
            assertThat(counter("slnet.circuit.bytes", "direction", "in")).isPositive();
            assertThat(counter("slnet.circuit.messages.delivered")).isPositive();
            assertThat(counter("slnet.circuit.reliable", "outcome", "sent")).isPositive();
            assertThat(counter("slnet.circuit.reliable", "outcome", "lost")).isZero();
            assertThat(counter("slnet.circuit.dropped", "reason", "malformed")).isZero();
            assertThat(counter("slnet.circuit.tolerated", "deviation", "trailing_bytes")).isZero();
            assertThat(counter("slnet.handler.dispatches")).isPositive();
            assertThat(counter("slnet.events.published")).isPositive();
            assertThat(counter("slnet.events.dropped")).isZero();
            assertThat(counter("slnet.inbound.dropped")).isZero();
            assertThat(gauge("slnet.circuits.open")).isEqualTo(1);
            TimeGauge rtt = registry.get("slnet.circuit.retransmit.timeout").timeGauge();
            assertThat(rtt.value(TimeUnit.MILLISECONDS)).isPositive();
            assertThat(registry.get("slnet.circuit.packets").meters()).hasSize(2); // in and out, no address tag
        }
        assertThat(registry.getMeters()).as("close() removes every meter it registered").isEmpty();
    }

    @Test
    void countersKeepWhatClosedCircuitsCountedAcrossATeleport(Client client, TestAccount bot) throws Exception {
        try (ClientMetrics metrics = new ClientMetrics(client, Tags.of("bot", "metered"))) {
            metrics.bindTo(registry);
            double sentInAlpha = counter("slnet.circuit.packets", "direction", "out");
            double deliveredInAlpha = counter("slnet.circuit.messages.delivered");
            try (EventStream events = client.events().events()) {
                client.teleport("Faraway", new Vector3(128, 128, 30), new Vector3(0, 1, 0)).get(20, TimeUnit.SECONDS);
                events.awaitEvent(NetworkEvent.CircuitLost.class, Duration.ofSeconds(20)); // Alpha's circuit closed
            }
            assertThat(client.stats().circuits()).hasSize(1);
            assertThat(counter("slnet.circuit.packets", "direction", "out")).isGreaterThan(sentInAlpha);
            assertThat(counter("slnet.circuit.messages.delivered")).isGreaterThanOrEqualTo(deliveredInAlpha);
        }
    }

    @Test
    void metersStayReadableWhenOnlyTheRegistryHoldsTheBinder(Client client) {
        new ClientMetrics(client, Tags.of("bot", "metered")).bindTo(registry);
        System.gc();
        assertThat(counter("slnet.circuit.packets", "direction", "out")).isPositive();
        registry.clear();
    }
}
