package slnet.login;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an OpenSimulator grid says about itself at {@code <base>/get_grid_info}.
 *
 * @param gridName   the {@code gridname} entry, or empty
 * @param loginUri   the {@code login} entry
 * @param properties every entry of the reply, by element name
 */
public record GridInfo(String gridName, URI loginUri, Map<String, String> properties) {

    /** Validates and copies. */
    public GridInfo {
        Objects.requireNonNull(gridName, "gridName");
        Objects.requireNonNull(loginUri, "loginUri");
        properties = Map.copyOf(properties);
    }

    /**
     * One entry of the reply.
     *
     * @param key the element name, e.g. {@code welcome} or {@code economy}
     * @return its text, if present
     */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * The grid to log in to.
     *
     * @return a custom grid named {@link #gridName()} (or the host) at {@link #loginUri()}
     */
    public Grid toGrid() {
        return gridName.isBlank() ? Grid.custom(loginUri) : new Grid(gridName, loginUri, 0);
    }
}
