package slnet.login;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a successful login hands the rest of the stack: identities, the simulator to open a
 * circuit to, and the agent's starting state.
 *
 * <p>{@link #toString()} leaves out the session id, secure session id, MFA hash and the raw reply:
 * they are secrets that authenticate the agent.
 *
 * @param agentId           the agent
 * @param sessionId         the session (secret)
 * @param secureSessionId   the secure session (secret)
 * @param circuitCode       the code to present in {@code UseCircuitCode} (unsigned 32 bits)
 * @param simulator         the simulator's UDP address
 * @param seedCapability    the seed capability, if the grid sent one
 * @param regionX           global x of the start region's corner, meters
 * @param regionY           global y of the start region's corner, meters
 * @param lookAt            initial facing direction
 * @param firstName         first name, quotes stripped
 * @param lastName          last name, quotes stripped
 * @param agentAccess       maturity access, e.g. {@code M}, or empty
 * @param agentAccessMax    maximum maturity access, or empty
 * @param startLocation     where the agent started ({@code last}, {@code home}, {@code url}), or empty
 * @param home              the home location, if sent and parsable
 * @param secondsSinceEpoch the grid's clock at login, or 0
 * @param inventoryRoot     the root inventory folder, if sent
 * @param inventorySkeleton the inventory folder list, possibly empty
 * @param buddyList         friends, possibly empty
 * @param loginFlags        the login flags
 * @param maxAgentGroups    how many groups the agent may join, or -1 if not sent
 * @param message           the message of the day, or empty
 * @param mfaHash           the MFA hash to present on later logins, if the grid issued one (secret)
 * @param raw               every entry of the reply, decoded but uninterpreted (includes the secrets;
 *                          never log it)
 */
public record SessionInfo(
        UUID agentId,
        UUID sessionId,
        UUID secureSessionId,
        int circuitCode,
        InetSocketAddress simulator,
        Optional<URI> seedCapability,
        int regionX,
        int regionY,
        LocalVector lookAt,
        String firstName,
        String lastName,
        String agentAccess,
        String agentAccessMax,
        String startLocation,
        Optional<HomeLocation> home,
        long secondsSinceEpoch,
        Optional<UUID> inventoryRoot,
        List<InventoryFolder> inventorySkeleton,
        List<Buddy> buddyList,
        LoginFlags loginFlags,
        int maxAgentGroups,
        String message,
        Optional<String> mfaHash,
        Map<String, Object> raw) {

    /** Validates and copies. */
    public SessionInfo {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(secureSessionId, "secureSessionId");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(seedCapability, "seedCapability");
        Objects.requireNonNull(lookAt, "lookAt");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(agentAccess, "agentAccess");
        Objects.requireNonNull(agentAccessMax, "agentAccessMax");
        Objects.requireNonNull(startLocation, "startLocation");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(inventoryRoot, "inventoryRoot");
        Objects.requireNonNull(loginFlags, "loginFlags");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mfaHash, "mfaHash");
        inventorySkeleton = List.copyOf(inventorySkeleton);
        buddyList = List.copyOf(buddyList);
        raw = Map.copyOf(raw);
    }

    /**
     * The start region's handle: {@code (regionX << 32) | regionY}, both in meters.
     *
     * @return the handle
     */
    public long regionHandle() {
        return ((long) regionX << 32) | (regionY & 0xFFFF_FFFFL);
    }

    /**
     * The agent's full name as the viewer shows it; {@code Resident} last names are omitted.
     *
     * @return e.g. {@code "Test User"}
     */
    public String displayName() {
        return lastName.isEmpty() || lastName.equalsIgnoreCase("Resident") ? firstName : firstName + " " + lastName;
    }

    @Override
    public String toString() {
        return "SessionInfo[agent=" + firstName + " " + lastName + " (" + agentId + ")"
                + ", simulator=" + simulator.getHostString() + ":" + simulator.getPort()
                + ", circuitCode=" + circuitCode
                + ", region=" + regionX + "," + regionY
                + ", seedCapability=" + seedCapability.map(URI::toString).orElse("none")
                + ", startLocation=" + startLocation
                + ", agentAccess=" + agentAccess + "/" + agentAccessMax
                + ", inventoryFolders=" + inventorySkeleton.size()
                + ", buddies=" + buddyList.size()
                + ", mfaHash=" + (mfaHash.isPresent() ? "<issued>" : "none")
                + "]";
    }
}
