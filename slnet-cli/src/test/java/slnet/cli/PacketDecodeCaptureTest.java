package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slnet.cli.json.Json;
import slnet.protocol.SharedCaptures;

/** {@code slnet packet decode --file}: capture files, read from the shared OpenSimulator capture and from small ones. */
class PacketDecodeCaptureTest {
    private static final String START_PING = "000000000100010500000000";
    private static final Path OPENSIM = SharedCaptures.directory().resolve("opensim-0.9.2.2/inbound.txt");

    @TempDir
    Path dir;

    @Test
    void lenientlyEveryDatagramOfTheOpenSimulatorCaptureDecodesAndSaysWhatWasTolerated() {
        CliRun run = CliRun.run("packet", "decode", "--lenient", "--file", OPENSIM.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> lines = run.json();
        assertThat(lines).hasSize(449);
        assertThat(lines).allSatisfy(o -> assertThat(o).doesNotContainKey("error").containsEntry("direction", "in")
                .containsKeys("line", "name", "flags", "sequence", "message", "blocks"));
        assertThat(lines).allSatisfy(o -> assertThat(o.get("message")).isEqualTo(o.get("name")));
        Map<String, Set<Object>> toleratedByName = new HashMap<>();
        for (Map<String, Object> o : lines) {
            if (o.containsKey("tolerated")) {
                toleratedByName.computeIfAbsent((String) o.get("name"), n -> new HashSet<>())
                        .addAll((List<?>) o.get("tolerated"));
            }
        }
        assertThat(toleratedByName).containsOnly(
                Map.entry("AvatarAppearance", Set.of("missing trailing blocks")),
                Map.entry("ImprovedInstantMessage", Set.of("missing trailing blocks")),
                Map.entry("RegionInfo", Set.of("missing trailing blocks")),
                Map.entry("MapBlockReply", Set.of("trailing bytes")));
        long tolerated = lines.stream().filter(o -> o.containsKey("tolerated")).count();
        assertThat(run.err().strip()).startsWith("packet decode: 449 decoded, 0 failed, " + tolerated + " tolerated (");
    }

    @Test
    void strictlyTheSameDatagramsFailOneByOneWithoutStopping() {
        CliRun run = CliRun.run("packet", "decode", "--file", OPENSIM.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<Map<String, Object>> lines = run.json();
        assertThat(lines).hasSize(449);
        List<Map<String, Object>> errors = lines.stream().filter(o -> o.containsKey("error")).toList();
        assertThat(errors).isNotEmpty().allSatisfy(o -> assertThat(o).containsKeys("line", "name", "reason", "offset"));
        assertThat(errors).extracting(o -> o.get("name")).containsOnly("AvatarAppearance", "ImprovedInstantMessage",
                "RegionInfo", "MapBlockReply");
        assertThat(lines).noneSatisfy(o -> assertThat(o).containsKey("tolerated"));
        assertThat(run.err().strip()).isEqualTo("packet decode: " + (449 - errors.size()) + " decoded, "
                + errors.size() + " failed, 0 tolerated");
    }

    @Test
    void readsOutboundLinesCommentsAndBadLinesFromStdin() {
        String capture = String.join("\n",
                "# slnet capture by slnet connect",
                "StartPingCheck " + START_PING,
                "",
                "#out CompletePingCheck 00000000020002" + "05",
                "# simulator 127.0.0.1:9000",
                "StartPingCheck 0000000001000105",      // body cut short
                "nospace",
                "StartPingCheck 0zz0",
                "StartPingCheck " + START_PING);
        CliRun run = CliRun.withStdin(capture, "packet", "decode", "--file", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        List<Map<String, Object>> lines = run.json();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).containsEntry("line", 2L).containsEntry("direction", "in")
                .containsEntry("name", "StartPingCheck").containsEntry("message", "StartPingCheck")
                .doesNotContainKey("tolerated");
        assertThat(lines.get(1)).containsEntry("line", 4L).containsEntry("direction", "out")
                .containsEntry("message", "CompletePingCheck");
        assertThat(lines.get(2)).containsEntry("line", 6L).containsEntry("reason", "TRUNCATED");
        assertThat(lines.get(3)).containsEntry("line", 7L).containsKey("error").doesNotContainKey("direction");
        assertThat(lines.get(4)).containsEntry("line", 8L).containsKey("error");
        assertThat(lines.get(5)).containsEntry("line", 9L).containsEntry("message", "StartPingCheck");
        assertThat(run.err().strip()).isEqualTo("packet decode: 3 decoded, 3 failed, 0 tolerated");
    }

    @Test
    void lenientHexArgumentListsWhatWasTolerated() {
        // StartPingCheck with one byte after its last block.
        CliRun run = CliRun.run("packet", "decode", "--lenient", START_PING + "ff");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get(0)).containsEntry("message", "StartPingCheck")
                .containsEntry("tolerated", List.of("trailing bytes"));
        assertThat(CliRun.run("packet", "decode", START_PING + "ff").exitCode()).isEqualTo(1);
    }

    @Test
    void usageErrors() throws Exception {
        assertThat(CliRun.run("packet", "decode", "--file", dir.resolve("missing.txt").toString()).exitCode())
                .isEqualTo(2);
        Path file = Files.writeString(dir.resolve("c.txt"), "StartPingCheck " + START_PING + "\n");
        CliRun both = CliRun.run("packet", "decode", "--file", file.toString(), START_PING);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        assertThat(CliRun.run("packet", "decode", "--file", file.toString()).exitCode()).isZero();
    }
}
