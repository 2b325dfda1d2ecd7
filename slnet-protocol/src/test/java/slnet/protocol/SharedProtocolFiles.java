package slnet.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reference protocol files in {@code ../shared/protocol}, which are never copied into the project. */
public final class SharedProtocolFiles {
    private SharedProtocolFiles() {
    }

    /** @return the shared protocol directory */
    public static Path directory() {
        String configured = System.getProperty("slnet.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "protocol"))) {
            return Path.of(configured, "protocol");
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/protocol");
            if (Files.isRegularFile(candidate.resolve("message_template.msg"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/protocol/message_template.msg above " + here
                + "; set -Dslnet.shared=DIR");
    }

    /** @return message_template.msg */
    public static Path template() {
        return directory().resolve("message_template.msg");
    }

    /** @return message.xml */
    public static Path messageXml() {
        return directory().resolve("message.xml");
    }
}
