package slnet.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM (slnet-bom, which has no parent so that importing it brings nothing else) names every
 * library module at the reactor's version, so a user who imports it gets matching artifacts.
 */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theBomListsEveryLibraryModuleAtTheReactorsVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("slnet-bom/pom.xml"));
        String version = first(Pattern.compile("<artifactId>slnet-parent</artifactId>\\s*<version>([^<]+)</version>"),
                parent);
        assertThat(first(Pattern.compile("<artifactId>slnet-bom</artifactId>\\s*<version>([^<]+)</version>"), bom))
                .as("the BOM's version follows the parent's").isEqualTo(version);
        Set<String> managed = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<groupId>io\\.github\\.slnet</groupId><artifactId>([^<]+)</artifactId>"
                + "<version>\\$\\{project\\.version}</version>").matcher(bom);
        while (m.find()) {
            managed.add(m.group(1));
        }
        assertThat(managed).containsExactlyInAnyOrder("slnet-protocol", "slnet-client", "slnet-testgrid",
                "slnet-testing", "slnet-micrometer");
        assertThat(bom).as("no parent: importing the BOM brings nothing but slnet").doesNotContain("<parent>");
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in the pom", pattern).isTrue();
        return m.group(1);
    }
}
