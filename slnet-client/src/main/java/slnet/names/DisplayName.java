package slnet.names;

import java.util.Objects;
import java.util.UUID;

/**
 * An agent's names as the {@code GetDisplayNames} capability tells them. Where a region offers no
 * such capability, {@link Names} makes one from the legacy name: the display name is the legacy
 * name, marked default. Immutable.
 *
 * @param id the agent
 * @param username the account name, e.g. {@code alice.tester} (or {@code bob} for a "Resident")
 * @param displayName the name the agent chose to be shown as
 * @param legacyFirstName the legacy first name
 * @param legacyLastName the legacy last name
 * @param isDefault true while the agent has not chosen a display name of its own
 */
public record DisplayName(UUID id, String username, String displayName, String legacyFirstName,
                          String legacyLastName, boolean isDefault) {

    /** Checks that nothing is null. */
    public DisplayName {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(legacyFirstName, "legacyFirstName");
        Objects.requireNonNull(legacyLastName, "legacyLastName");
    }

    /**
     * Returns "First Last" (just "First" when there is no last name).
     *
     * @return "First Last" (just "First" when there is no last name)
     */
    public String legacyName() {
        return Names.join(legacyFirstName, legacyLastName);
    }

    /**
     * The display name that stands for a legacy name: the name itself, default.
     *
     * @param id the agent
     * @param first the legacy first name
     * @param last the legacy last name
     * @return the display name
     */
    public static DisplayName ofLegacy(UUID id, String first, String last) {
        String username = (last.isEmpty() || last.equalsIgnoreCase("Resident") ? first : first + "." + last)
                .toLowerCase(java.util.Locale.ROOT);
        return new DisplayName(id, username, Names.join(first, last), first, last, true);
    }
}
