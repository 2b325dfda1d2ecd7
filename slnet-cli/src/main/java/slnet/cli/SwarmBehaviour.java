package slnet.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import slnet.Client;
import slnet.RegionInfo;
import slnet.protocol.types.Vector3;

/**
 * What each bot of a swarm does once connected, one action per interval: nothing, chat, walk (a
 * teleport to a random spot within its region, which every simulator supports and which moves the
 * avatar as seen by others), or teleport between the regions named with {@code --regions}.
 */
enum SwarmBehaviour {
    /** Stays connected and does nothing the protocol does not need. */
    IDLE,
    /** Says a numbered line in local chat. */
    CHAT,
    /** Goes to a random spot within its region ({@code TeleportLocationRequest} answered by {@code TeleportLocal}). */
    WALK,
    /** Teleports to another of the {@code --regions}, in its middle. */
    TELEPORT;

    private static final Vector3 EAST = new Vector3(1, 0, 0);

    /**
     * Does one action.
     *
     * @param client  the bot, connected
     * @param random  where randomness comes from
     * @param regions the regions to teleport between (for {@link #TELEPORT})
     * @param count   the bot's action number, for chat lines
     * @return completes when the action did; empty for none
     */
    Optional<CompletableFuture<?>> act(Client client, Random random, List<String> regions, long count) {
        switch (this) {
            case IDLE -> {
                return Optional.empty();
            }
            case CHAT -> {
                client.chat().say("swarm says " + count);
                return Optional.empty();
            }
            case WALK -> {
                Optional<RegionInfo> here = client.region();
                if (here.isEmpty()) {
                    return Optional.empty();
                }
                Vector3 spot = new Vector3(16 + random.nextFloat() * 224, 16 + random.nextFloat() * 224, 25);
                return Optional.of(client.teleport(here.get().handle(), spot, EAST));
            }
            case TELEPORT -> {
                String current = client.region().map(RegionInfo::name).orElse("");
                List<String> elsewhere = regions.stream().filter(r -> !r.equalsIgnoreCase(current)).toList();
                if (elsewhere.isEmpty()) {
                    return Optional.empty();
                }
                String to = elsewhere.get(random.nextInt(elsewhere.size()));
                return Optional.of(client.teleport(to, new Vector3(128, 128, 25), EAST));
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** @return the option value naming it */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
