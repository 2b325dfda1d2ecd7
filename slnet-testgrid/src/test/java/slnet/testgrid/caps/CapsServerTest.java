package slnet.testgrid.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.caps.CapabilityClient;
import slnet.caps.CapabilityException;
import slnet.caps.CapabilityNames;
import slnet.caps.RegionCapabilities;
import slnet.protocol.llsd.Llsd;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CapsServerTest {
    private CapsServer server;
    private CapabilityClient client;

    @BeforeEach
    void start() throws Exception {
        server = CapsServer.builder().pollHold(Duration.ofMillis(200))
                .knownCapabilities(List.of("EventQueueGet", "GetDisplayNames", "SimulatorFeatures", "NotAskedFor"))
                .start();
        client = CapabilityClient.builder().requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void seedGrantsTheRequestedNamesItKnowsWithSecretUris() throws Exception {
        CapsSession a = server.openSession("Alpha");
        CapsSession b = server.openSession("Beta");
        RegionCapabilities caps = client.requestSeed(a.seedUri(), CapabilityNames.VIEWER_DEFAULTS);
        assertThat(caps.byName().keySet()).containsExactlyInAnyOrder("EventQueueGet", "GetDisplayNames", "SimulatorFeatures");
        assertThat(caps.get("EventQueueGet")).contains(a.eventQueueUri());
        assertThat(caps.get("EventQueueGet").orElseThrow().getPath()).matches("/cap/[0-9a-f-]{36}");
        assertThat(a.eventQueueUri()).isNotEqualTo(b.eventQueueUri());
        assertThat(a.seedUri()).isNotEqualTo(b.seedUri());

        RecordedRequest seed = a.requests().get(0);
        assertThat(seed.capability()).isEqualTo(CapabilityNames.SEED);
        assertThat(seed.method()).isEqualTo("POST");
        assertThat(seed.body().asList()).hasSize(CapabilityNames.VIEWER_DEFAULTS.size())
                .first().isEqualTo(Llsd.of(CapabilityNames.VIEWER_DEFAULTS.get(0)));
        assertThat(server.requests()).containsExactly(seed);
    }

    @Test
    void otherCapabilitiesAnswerAndUnknownPathsAre404() throws Exception {
        CapsSession a = server.openSession("Alpha");
        assertThat(client.post(a.capability("SimulatorFeatures").orElseThrow(), Llsd.mapOf())).isEqualTo(Llsd.mapOf());
        URI unknown = server.baseUri().resolve("/cap/00000000-0000-0000-0000-000000000000");
        try {
            client.get(unknown);
            throw new AssertionError("expected 404");
        } catch (CapabilityException e) {
            assertThat(e.status()).isEqualTo(404);
        }
    }

    @Test
    void displayNamesNameWhomTheDirectoryKnowsAndListTheRest() throws Exception {
        java.util.UUID bob = java.util.UUID.randomUUID();
        java.util.UUID nobody = java.util.UUID.randomUUID();
        try (CapsServer named = CapsServer.builder().pollHold(Duration.ofMillis(200))
                .people(id -> id.equals(bob) ? java.util.Optional.of(new CapsServer.Person("Bob", "Resident", "Bobby"))
                        : java.util.Optional.empty()).start()) {
            URI cap = named.openSession("Alpha").capability("GetDisplayNames").orElseThrow();
            Llsd answer = client.get(URI.create(cap + "?ids=" + bob + "&ids=" + nobody));
            Llsd agent = answer.get("agents").get(0);
            assertThat(agent.get("id").asUuid()).isEqualTo(bob);
            assertThat(agent.get("username").asString()).isEqualTo("bob");
            assertThat(agent.get("display_name").asString()).isEqualTo("Bobby");
            assertThat(agent.get("legacy_first_name").asString()).isEqualTo("Bob");
            assertThat(agent.get("is_display_name_default").asBoolean()).isFalse();
            assertThat(answer.get("bad_ids").asList()).containsExactly(Llsd.of(nobody));
        }
    }

    @Test
    void anIdlePollIsHeldThen502() throws Exception {
        CapsSession a = server.openSession("Alpha");
        try {
            client.post(a.eventQueueUri(), Llsd.mapOf("ack", Llsd.undef(), "done", Llsd.of(false)));
            throw new AssertionError("expected 502");
        } catch (CapabilityException e) {
            assertThat(e.status()).isEqualTo(502);
        }
    }
}
