package slnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code slnet --version}: the version the build stamped and the commit it was built from (or
 * "unknown commit" when built outside a git checkout).
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** @return e.g. {@code slnet 0.1.0-SNAPSHOT (commit 0123abcd45)} */
    static String line() {
        String version = "unknown version";
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // stays unknown
        }
        String commit = "unknown commit";
        try (InputStream in = VersionProvider.class.getResourceAsStream("commit.txt")) {
            if (in != null) {
                String text = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                if (text.matches("[0-9a-f]{7,40}")) {
                    commit = "commit " + text;
                }
            }
        } catch (IOException e) {
            // stays unknown
        }
        return "slnet " + version + " (" + commit + ", Java " + Runtime.version().feature() + ")";
    }
}
