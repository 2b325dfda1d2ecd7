package slnet.caps;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Capability URIs are bearer secrets: anyone holding one can use it. These helpers give the form
 * that may be logged or shown.
 */
public final class CapabilityUris {
    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LONG_TOKEN = Pattern.compile("[0-9A-Za-z_\\-]{20,}");

    private CapabilityUris() {
    }

    /**
     * Returns the URI with the secret parts of its path masked and its query dropped: UUIDs become
     * {@code ********-****-****-****-****xxxx} (the last four hex digits kept so two caps can be
     * told apart in logs), and other long path tokens become {@code ***}.
     *
     * @param uri a capability URI, or null
     * @return text safe to log
     */
    public static String redact(URI uri) {
        if (uri == null) {
            return "null";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String masked = UUID_IN_PATH.matcher(path).replaceAll(m -> "********-****-****-****-****"
                + m.group().substring(m.group().length() - 4));
        masked = LONG_TOKEN.matcher(masked).replaceAll("***");
        String authority = uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + authority + masked
                + (uri.getRawQuery() == null ? "" : "?***");
    }
}
