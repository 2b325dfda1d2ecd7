package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import slnet.codegen.java.MessageGenerator;
import slnet.protocol.messages.Messages;

/** The committed generated sources are exactly what the generator makes from ../shared today. */
class GeneratedSourcesTest {

    private static final Path GENERATED = Path.of("src/generated/java");

    @Test
    void regeneratingFromTheSharedTemplateChangesNothing() throws Exception {
        Map<String, String> expected = MessageGenerator.generate(SharedProtocolFiles.template(),
                SharedProtocolFiles.messageXml());
        Path packageDir = GENERATED.resolve("slnet/protocol/messages");
        TreeSet<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.list(packageDir)) {
            files.forEach(f -> committed.add("slnet/protocol/messages/" + f.getFileName()));
        }
        assertThat(committed).as("generated file names").isEqualTo(new TreeSet<>(expected.keySet()));
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(Files.readString(GENERATED.resolve(file.getKey())))
                    .as("%s differs from what the generator makes; run scripts/regenerate", file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void registryHoldsEveryMessageOfTheTemplate() throws Exception {
        long inTemplate = Files.readAllLines(SharedProtocolFiles.template()).stream()
                .map(String::strip)
                .filter(line -> line.matches("\\w+\\s+(High|Medium|Low|Fixed)\\s+\\S+\\s+(Trusted|NotTrusted).*"))
                .count();
        assertThat(Messages.REGISTRY.all()).hasSize((int) inTemplate).hasSize(483);
    }
}
