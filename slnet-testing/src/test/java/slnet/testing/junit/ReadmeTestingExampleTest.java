package slnet.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's test-grid example is {@code example.HelloBotTest}, which the build runs: this keeps the
 * README's copy word for word the same as the class (from its first import on).
 */
class ReadmeTestingExampleTest {

    @Test
    void theReadmeShowsHelloBotTestAsItIs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/example/HelloBotTest.java"));
        String fromImports = source.substring(source.indexOf("import ")).strip();
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("README.md holds src/test/java/example/HelloBotTest.java from its first import")
                .contains(fromImports);
    }
}
