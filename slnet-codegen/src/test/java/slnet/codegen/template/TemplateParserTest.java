package slnet.codegen.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    static Path shared(String file) {
        String configured = System.getProperty("slnet.shared");
        if (configured != null) {
            return Path.of(configured, "protocol", file);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("shared/protocol").resolve(file))) {
                return dir.resolve("shared/protocol").resolve(file);
            }
        }
        throw new IllegalStateException("no shared/protocol/" + file);
    }

    private static MessageTemplate parse(String text) throws TemplateSyntaxException {
        return TemplateParser.parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsTheWholeSharedTemplate() throws Exception {
        MessageTemplate template = TemplateParser.parse(Files.readAllBytes(shared("message_template.msg")));
        assertThat(template.version()).isEqualTo("2.0");
        assertThat(template.messages()).hasSize(483);
        assertThat(template.sha1()).hasSize(40);
        MessageDefinition ack = template.messages().stream().filter(m -> m.name().equals("PacketAck")).findFirst().orElseThrow();
        assertThat(ack.frequency()).isEqualTo(Frequency.FIXED);
        assertThat(ack.number()).isEqualTo(0xFFFFFFFBL);
        assertThat(ack.blocks().get(0).cardinality()).isEqualTo(BlockDefinition.Cardinality.VARIABLE);
        for (Frequency frequency : Frequency.values()) {
            assertThat(template.messages()).anyMatch(m -> m.frequency() == frequency);
        }
    }

    @Test
    void readsEveryConstructOfTheGrammar() throws Exception {
        MessageTemplate template = parse("""
                version 2.0
                // a comment
                {
                    Sample Medium 3 Trusted Zerocoded UDPDeprecated
                    {
                        One Single
                        {   A   U8  }   // trailing comment
                        {   B   LLQuaternion }
                    }
                    {
                        Many Multiple 4
                        {   C   Fixed 32 }
                    }
                    {
                        Some Variable
                        {   D   Variable 1 }
                        {   E   Variable 2 }
                    }
                }
                { Empty Low 9 NotTrusted Unencoded }
                """);
        MessageDefinition sample = template.messages().get(0);
        assertThat(sample.frequency()).isEqualTo(Frequency.MEDIUM);
        assertThat(sample.trusted()).isTrue();
        assertThat(sample.zerocoded()).isTrue();
        assertThat(sample.deprecation()).isEqualTo(MessageDefinition.Deprecation.UDP_DEPRECATED);
        assertThat(sample.blocks()).extracting(BlockDefinition::cardinality).containsExactly(
                BlockDefinition.Cardinality.SINGLE, BlockDefinition.Cardinality.MULTIPLE, BlockDefinition.Cardinality.VARIABLE);
        assertThat(sample.blocks().get(1).count()).isEqualTo(4);
        assertThat(sample.blocks().get(1).fields().get(0)).isEqualTo(new FieldDefinition("C", FieldType.FIXED, 32));
        assertThat(sample.blocks().get(2).fields()).extracting(FieldDefinition::type)
                .containsExactly(FieldType.VARIABLE1, FieldType.VARIABLE2);
        assertThat(template.messages().get(1).blocks()).isEmpty();
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> parse("version 2.0\n{\n  X Low 1 NotTrusted Unencoded\n  { B Single\n    { F U9 }\n  }\n}\n"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("line 5", "unknown field type 'U9'");
                });
        assertThatThrownBy(() -> parse("{\n X Sometimes 1 NotTrusted Unencoded\n}"))
                .hasMessageContaining("line 2").hasMessageContaining("unknown frequency");
        assertThatThrownBy(() -> parse("{\n X High 300 NotTrusted Unencoded\n}"))
                .hasMessageContaining("line 2").hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("{ X High 1 NotTrusted Unencoded\n{ B Single\n{ F U8 }\n"))
                .hasMessageContaining("line 3").hasMessageContaining("ended");
        assertThatThrownBy(() -> parse("{ X High 1 NotTrusted Unencoded }\n{ Y High 1 NotTrusted Unencoded }"))
                .hasMessageContaining("line 2").hasMessageContaining("same frequency and number");
        assertThatThrownBy(() -> parse("{ X High 1 Maybe Unencoded }")).hasMessageContaining("Trusted or NotTrusted");
        assertThatThrownBy(() -> parse("{ X High 1 NotTrusted Unencoded\n { B Multiple }\n}"))
                .hasMessageContaining("line 2").hasMessageContaining("a count after Multiple");
    }

    @Test
    void readsMessageXmlRouting() throws Exception {
        Map<String, MessageRouting> routing = MessageRoutingReader.read(Files.readAllBytes(shared("message.xml")));
        assertThat(routing.get("EnableSimulator")).isEqualTo(new MessageRouting(true, true));
        assertThat(routing.get("StartPingCheck")).isEqualTo(new MessageRouting(false, false));
        assertThat(routing.get("CoarseLocationUpdate")).isEqualTo(new MessageRouting(false, true));
    }

    @Test
    void messageXmlWithExternalEntitiesIsRefused() throws Exception {
        Path secret = Files.createTempFile("slnet", ".txt");
        Files.writeString(secret, "SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE llsd [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<llsd><map><key>messages</key><map><key>&x;</key><map/></map></map></llsd>";
        assertThatThrownBy(() -> MessageRoutingReader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateSyntaxException.class);
        Files.delete(secret);
    }
}
