package slnet.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RegionCapabilitiesTest {
    private static final URI SEED = URI.create("https://sim.example:12043/cap/seed");

    @Test
    void secondLifeStyleUrlsComeBackExactly() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : new String[] {"EventQueueGet", "GetDisplayNames", "UpdateScriptTask", "Custom"}) {
            urls.put(name, "https://sim.example:12043/cap/" + UUID.randomUUID());
        }
        assertRoundTrip(urls);
    }

    @Test
    void openSimulatorStyleUrlsWithACommonTailComeBackExactly() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : new String[] {"EventQueueGet", "GetDisplayNames", "SimConsoleAsync"}) {
            urls.put(name, "http://127.0.0.1:9000/CAPS/" + UUID.randomUUID() + "/");
        }
        assertRoundTrip(urls);
    }

    @Test
    void upperCaseUuidsAndOtherPartsAreKeptAsText() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("A", "http://h/cap/" + UUID.randomUUID().toString().toUpperCase());
        urls.put("B", "http://h/cap/" + UUID.randomUUID());
        urls.put("C", "http://other/x?y=z");
        urls.put("D", "http://h/cap/");
        assertRoundTrip(urls);
    }

    @Test
    void oneCapabilityAndNoneWork() {
        assertRoundTrip(Map.of("EventQueueGet", "http://h/cap/" + UUID.randomUUID()));
        assertRoundTrip(Map.of());
    }

    @Test
    void regionsGrantingTheSameNamesShareTheirNameList() {
        RegionCapabilities a = RegionCapabilities.ofUrls(SEED, Map.of("EventQueueGet", "http://a/1", "X", "http://a/2"));
        RegionCapabilities b = RegionCapabilities.ofUrls(SEED, Map.of("EventQueueGet", "http://b/1", "X", "http://b/2"));
        assertThat(a.names()).containsExactly("EventQueueGet", "X");
        assertThat(b.names()).isEqualTo(a.names());
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(RegionCapabilities.ofUrls(SEED, Map.of("X", "http://a/2", "EventQueueGet", "http://a/1")));
    }

    @Property(tries = 300)
    void anyUrlsComeBackExactly(@ForAll @Size(max = 8) Map<@AlphaChars @StringLength(min = 1, max = 6) String,
            @StringLength(max = 12) String> paths, @ForAll boolean uuidTail) {
        Map<String, String> urls = new LinkedHashMap<>();
        paths.forEach((name, path) -> urls.put(name, "http://h/" + encode(path) + (uuidTail ? UUID.randomUUID() : "")));
        assertRoundTrip(urls);
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : String.format("%%%02x", c & 0xFF));
        }
        return out.toString();
    }

    private static void assertRoundTrip(Map<String, String> urls) {
        RegionCapabilities caps = RegionCapabilities.ofUrls(SEED, urls);
        assertThat(caps.size()).isEqualTo(urls.size());
        urls.forEach((name, url) -> assertThat(caps.get(name)).contains(URI.create(url)));
        assertThat(caps.byName()).hasSize(urls.size());
        assertThat(caps.get("Missing")).isEmpty();
        assertThat(caps).isEqualTo(RegionCapabilities.ofUrls(SEED, new LinkedHashMap<>(urls)));
        assertThat(caps.hashCode()).isEqualTo(RegionCapabilities.ofUrls(SEED, urls).hashCode());
    }
}
