package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.AlertReceived;
import slnet.RegionRestartScheduled;
import slnet.protocol.messages.AlertMessage;
import slnet.protocol.types.Bytes;

/** Alerts and region restart warnings, as simulators send them, over real UDP. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AlertsTest extends BotsOnTestGrid {
    private void restartWarning(String id, String xml) {
        sim.send(ALICE.agentId(), new AlertMessage(new AlertMessage.AlertData(Bytes.ofString("")),
                List.of(new AlertMessage.AlertInfo(Bytes.ofString(id), Bytes.ofString(xml))), List.of()), true);
    }

    @Test
    void aPlainAlertIsAnEvent() throws Exception {
        sim.sendAlert("The estate manager says hello");
        AlertReceived alert = events.awaitEvent(AlertReceived.class, WAIT);
        assertThat(alert.message()).contains("The estate manager says hello");
    }

    @Test
    void restartWarningsSayWhenAndWhere() throws Exception {
        restartWarning("RegionRestartMinutes",
                "<llsd><map><key>MINUTES</key><integer>5</integer><key>NAME</key><string>Testville</string></map></llsd>");
        RegionRestartScheduled minutes = events.awaitEvent(RegionRestartScheduled.class, WAIT);
        assertThat(minutes.regionName()).isEqualTo("Testville");
        assertThat(minutes.in()).isEqualTo(Duration.ofMinutes(5));
        assertThat(minutes.restartAt()).isEqualTo(minutes.at().plus(Duration.ofMinutes(5)));

        restartWarning("RegionRestartSeconds",
                "<llsd><map><key>SECONDS</key><integer>30</integer><key>NAME</key><string>Testville</string></map></llsd>");
        assertThat(events.awaitEvent(RegionRestartScheduled.class, WAIT).in()).isEqualTo(Duration.ofSeconds(30));

        // Unreadable parameters: still an alert, with no parameters; the restart's time is unknown (0).
        restartWarning("RegionRestartSeconds", "<llsd><map><key>SECONDS");
        AlertReceived broken = events.awaitEvent(AlertReceived.class,
                e -> e.notificationId().equals("RegionRestartSeconds") && e.parameters().isUndefined(), WAIT);
        assertThat(broken.message()).isEmpty();
        assertThat(alice.status()).isEqualTo(slnet.network.NetworkStatus.CONNECTED);
    }
}
