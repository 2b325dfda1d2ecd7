package slnet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import slnet.protocol.Message;

/**
 * Writes the benchmark datagrams as JSON, so that the node-metaverse harness in
 * {@code bench/node-metaverse} times exactly the bytes and messages the JMH benchmarks use. Run:
 * {@code java -cp slnet-bench/target/benchmarks.jar slnet.bench.ComparisonDatagrams FILE}.
 */
public final class ComparisonDatagrams {
    private ComparisonDatagrams() {
    }

    /**
     * Writes the file.
     *
     * @param args the output path
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ComparisonDatagrams OUTPUT.json");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), json(), StandardCharsets.UTF_8);
    }

    /** @return the JSON: datagrams by benchmark name, the zerocoded input, and the 10-ack datagram */
    static String json() {
        HexFormat hex = HexFormat.of();
        List<String> names = List.of("PacketAck(64)", "ChatFromSimulator", "ImprovedTerseObjectUpdate(10)",
                "ObjectUpdate", "AgentUpdate");
        List<Message> messages = SampleTraffic.messages();
        StringBuilder json = new StringBuilder("{\n  \"datagrams\": {\n");
        for (int i = 0; i < names.size(); i++) {
            json.append("    \"").append(names.get(i)).append("\": \"")
                    .append(hex.formatHex(SampleTraffic.datagram(messages.get(i)))).append('"')
                    .append(i + 1 < names.size() ? ",\n" : "\n");
        }
        json.append("  },\n  \"zeroCoded\": \"").append(hex.formatHex(SampleTraffic.zeroCodedObjectUpdates()))
                .append("\",\n  \"withTenAcks\": \"").append(hex.formatHex(SampleTraffic.datagramWithTenAcks()))
                .append("\"\n}\n");
        return json.toString();
    }
}
