package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import slnet.circuit.CircuitRole;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.messages.Messages;

class TrustPolicyTest {
    private static MessageDescriptor message(String name) {
        MessageDescriptor descriptor = Messages.REGISTRY.byName(name);
        assertThat(descriptor).as(name).isNotNull();
        return descriptor;
    }

    @Test
    void everyBackboneMessageExistsAndIsTrusted() {
        for (String name : TrustPolicy.BACKBONE_MESSAGES) {
            assertThat(message(name).trusted()).as(name).isTrue();
        }
    }

    @Test
    void clientAcceptsWhatSimulatorsSendViewers() {
        for (String name : new String[] {"ChatFromSimulator", "RegionHandshake", "ObjectUpdate", "AgentMovementComplete",
                "ImprovedTerseObjectUpdate", "KillObject", "LayerData", "CoarseLocationUpdate", "TeleportLocal"}) {
            assertThat(TrustPolicy.accepts(CircuitRole.CLIENT, message(name))).as(name).isTrue();
        }
        assertThat(TrustPolicy.accepts(CircuitRole.CLIENT, message("ChildAgentUpdate"))).isFalse();
        assertThat(TrustPolicy.accepts(CircuitRole.CLIENT, message("SimulatorPresentAtLocation"))).isFalse();
    }

    @Test
    void simulatorRejectsEverythingTrustedFromViewers() {
        assertThat(TrustPolicy.accepts(CircuitRole.SIMULATOR, message("ChatFromViewer"))).isTrue();
        assertThat(TrustPolicy.accepts(CircuitRole.SIMULATOR, message("UseCircuitCode"))).isTrue();
        assertThat(TrustPolicy.accepts(CircuitRole.SIMULATOR, message("RegionHandshake"))).isFalse();
        assertThat(TrustPolicy.accepts(CircuitRole.SIMULATOR, message("ChildAgentUpdate"))).isFalse();
    }
}
