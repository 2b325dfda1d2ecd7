package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import slnet.protocol.types.Vector3;

/** {@code --teleport Region/x/y/z}, as in SLURLs. */
class TeleportDestinationTest {

    @Test
    void regionWithOptionalCoordinates() {
        assertThat(ConnectCommand.Destination.parse("Beta/10/20/30"))
                .isEqualTo(new ConnectCommand.Destination("Beta", new Vector3(10, 20, 30)));
        assertThat(ConnectCommand.Destination.parse("Far%20Away"))
                .isEqualTo(new ConnectCommand.Destination("Far Away", new Vector3(128, 128, 25)));
        assertThat(ConnectCommand.Destination.parse("Beta/5").position()).isEqualTo(new Vector3(5, 128, 25));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThatThrownBy(() -> ConnectCommand.Destination.parse("")).hasMessageContaining("Region/x/y/z");
        assertThatThrownBy(() -> ConnectCommand.Destination.parse("Beta/1/2/3/4")).hasMessageContaining("Region/x/y/z");
        assertThatThrownBy(() -> ConnectCommand.Destination.parse("Beta/x")).hasMessageContaining("not a coordinate");
        assertThatThrownBy(() -> ConnectCommand.Destination.parse("Beta/300/1/1")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ConnectCommand.Destination.parse("Beta/NaN/1/1")).hasMessageContaining("out of range");
    }
}
