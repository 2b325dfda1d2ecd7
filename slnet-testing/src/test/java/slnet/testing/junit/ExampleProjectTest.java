package slnet.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's dependency snippet is exactly what the example project outside the build
 * ({@code examples/echo-bot}, built by CI against the installed artifacts) depends on slnet with.
 */
class ExampleProjectTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theReadmeSnippetIsTheExampleProjectsDependencies() throws IOException {
        String pom = Files.readString(ROOT.resolve("examples/echo-bot/pom.xml"));
        String begin = "<!-- README snippet begins -->";
        String end = "<!-- README snippet ends -->";
        String snippet = pom.substring(pom.indexOf(begin) + begin.length(), pom.indexOf(end));
        String readme = Files.readString(ROOT.resolve("README.md"));
        int xml = readme.indexOf("```xml\n<dependencyManagement>");
        assertThat(xml).as("the README shows the snippet").isPositive();
        String shown = readme.substring(xml + "```xml\n".length(), readme.indexOf("```", xml + 6));
        assertThat(normalized(shown)).isEqualTo(normalized(snippet));
        assertThat(pom).as("no other dependency on slnet than the snippet's")
                .containsOnlyOnce("<artifactId>slnet-client</artifactId>");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("examples/echo-bot/pom.xml");
    }

    private static String normalized(String xml) {
        return xml.replaceAll("\\s+", " ").trim();
    }
}
