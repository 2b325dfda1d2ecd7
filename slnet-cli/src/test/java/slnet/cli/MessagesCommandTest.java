package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.messages.Messages;

class MessagesCommandTest {

    @Test
    void listsEveryMessageOnePerLine() {
        CliRun run = CliRun.run("messages");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(Messages.REGISTRY.all().size());
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +"))
                .containsExactly("StartPingCheck", "High", "1", "NotTrusted", "Unencoded"));
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +"))
                .containsExactly("PacketAck", "Fixed", "0xFFFFFFFB", "NotTrusted", "Unencoded"));
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +"))
                .startsWith("ObjectUpdate", "High", "12", "Trusted", "Zerocoded"));
    }

    @Test
    void listMarksDeprecationEventQueueAndTrustedSender() {
        List<String> lines = CliRun.run("messages").lines();
        for (int i = 0; i < lines.size(); i++) {
            MessageDescriptor message = Messages.REGISTRY.all().get(i);
            String line = lines.get(i);
            assertThat(line).startsWith(message.name() + " ");
            assertThat(line.contains(" [eq]")).as(line).isEqualTo(message.eventQueue());
            assertThat(line.contains(" [trusted-sender]")).as(line).isEqualTo(message.trustedSender());
            assertThat(line.contains("UDPBlackListed")).as(line).isEqualTo(message.udpBlacklisted());
            assertThat(line.contains("UDPDeprecated")).as(line)
                    .isEqualTo(message.deprecation() == MessageDescriptor.Deprecation.UDP_DEPRECATED);
        }
    }

    @Test
    void listsAsJson() throws JsonParseException {
        List<String> lines = CliRun.run("messages", "--json").lines();
        assertThat(lines).hasSize(Messages.REGISTRY.all().size());
        Object first = Json.parse(lines.get(0));
        MessageDescriptor message = Messages.REGISTRY.all().get(0);
        assertThat(first).isInstanceOfSatisfying(Map.class, map -> {
            assertThat(map.get("name")).isEqualTo(message.name());
            assertThat(map.get("number")).isEqualTo((long) message.number());
        });
    }

    @Test
    void showsOneMessageLayout() {
        CliRun run = CliRun.run("messages", "StartPingCheck");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualToNormalizingNewlines("""
                {
                    StartPingCheck High 1 NotTrusted Unencoded
                    {
                        PingID Single
                        { PingID         U8 }
                        { OldestUnacked  U32 }
                    }
                }
                """);
    }

    @Test
    void layoutShowsCardinalityTypesAndMessageXmlNotes() {
        String placesReply = CliRun.run("messages", "PlacesReply").out();
        assertThat(placesReply).startsWith("// message.xml: routed over the event queue, accepted only from a trusted sender")
                .contains("PlacesReply Low 30 Trusted Zerocoded UDPDeprecated", "QueryData Variable", "LLUUID");
        String objectUpdate = CliRun.run("messages", "ObjectUpdate").out();
        assertThat(objectUpdate).contains("RegionData Single", "ObjectData Variable", "Variable 1", "Fixed 4",
                "LLVector3");
    }

    @Test
    void layoutAsJson() throws JsonParseException {
        Object json = Json.parse(CliRun.run("messages", "--json", "CompletePingCheck").out().strip());
        assertThat(json).isEqualTo(Json.parse("{\"name\":\"CompletePingCheck\",\"frequency\":\"High\",\"number\":2,"
                + "\"trusted\":false,\"zerocoded\":false,\"deprecation\":null,\"eventQueue\":false,"
                + "\"trustedSender\":false,\"blocks\":[{\"name\":\"PingID\",\"cardinality\":\"Single\","
                + "\"fields\":[{\"name\":\"PingID\",\"type\":\"U8\"}]}]}"));
    }

    @Test
    void acceptsANameInAnotherCase() {
        assertThat(CliRun.run("messages", "startpingcheck").out()).contains("StartPingCheck High 1");
    }

    @Test
    void unknownNameFailsAndSuggestsCloseNames() {
        CliRun run = CliRun.run("messages", "StartPingChek");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no message is named 'StartPingChek'", "did you mean StartPingCheck");
        CliRun nothingClose = CliRun.run("messages", "Zzzzzzzzzzzzzzzzzz");
        assertThat(nothingClose.exitCode()).isEqualTo(1);
        assertThat(nothingClose.err()).contains("no message is named").doesNotContain("did you mean");
    }

    @Test
    void editDistanceCountsEdits() {
        assertThat(MessagesCommand.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(MessagesCommand.editDistance("", "abc")).isEqualTo(3);
        assertThat(MessagesCommand.editDistance("same", "same")).isZero();
    }

    @Test
    void rootCommandListsSubcommands() {
        CliRun run = CliRun.run();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("packet", "messages");
    }
}
