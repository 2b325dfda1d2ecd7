package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.messages.Messages;

/** Damaged and random packets: every input line gets exactly one JSON line back, never a crash. */
class PacketFuzzTest {

    @Test
    void damagedPacketsGiveOneJsonLineEach() throws JsonParseException {
        Random random = new Random(42);
        List<String> inputs = new ArrayList<>();
        List<MessageDescriptor> all = Messages.REGISTRY.all();
        for (int i = 0; i < 1500; i++) {
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
            } else {
                MessageDescriptor message = all.get(random.nextInt(all.size()));
                bytes = HexFormat.of().parseHex(PacketSamples.hexOf(PacketSamples.packets(message).get(i % 2)));
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (i % 5 == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                }
            }
            inputs.add(HexFormat.of().formatHex(bytes));
        }
        CliRun decoded = CliRun.withStdin(String.join("\n", inputs.stream().map(s -> s.isEmpty() ? "00" : s).toList()),
                "packet", "decode");
        assertThat(decoded.lines()).hasSize(inputs.size());
        List<String> good = new ArrayList<>();
        for (String line : decoded.lines()) {
            Object json = Json.parse(line);
            assertThat(json).isInstanceOf(Map.class);
            if (!((Map<?, ?>) json).containsKey("error")) {
                good.add(line);
            } else {
                assertThat(line).doesNotContain("internal error");
            }
        }
        assertThat(good).isNotEmpty();
        CliRun encoded = CliRun.withStdin(String.join("\n", good), "packet", "encode");
        assertThat(encoded.lines()).hasSize(good.size());
        for (String line : encoded.lines()) {
            assertThat(line).doesNotContain("internal error");
        }
    }
}
