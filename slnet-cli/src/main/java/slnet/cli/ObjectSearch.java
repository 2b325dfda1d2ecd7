package slnet.cli;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import slnet.Client;
import slnet.world.WorldObject;

/**
 * Finds an object in view by its id or by its name, as a person picks one out in the viewer: the
 * names come from the objects' properties ({@code RequestObjectPropertiesFamily}), asked for each
 * root prim in view once, as objects keep arriving after the agent does.
 */
final class ObjectSearch {
    private static final long CHECK_MILLIS = 50;

    private ObjectSearch() {
    }

    /**
     * @param client a connected client
     * @param nameOrId an object's UUID, or its name (case ignored)
     * @param timeout how long to look
     * @return completes with the object (the nearest root prim of that name), or fails with a
     *         {@link TimeoutException} saying what was not found
     */
    static CompletableFuture<WorldObject> find(Client client, String nameOrId, Duration timeout) {
        CompletableFuture<WorldObject> result = new CompletableFuture<>();
        Optional<UUID> id = parseId(nameOrId);
        Thread.ofVirtual().name("slnet-object-search").start(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<UUID> asked = new HashSet<>();
            try {
                while (!result.isDone()) {
                    Optional<WorldObject> found = id.isPresent() ? client.world().object(id.get())
                            : byName(client, nameOrId, asked);
                    if (found.isPresent()) {
                        result.complete(found.get());
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        result.completeExceptionally(new TimeoutException("no object " + nameOrId + " in view within "
                                + timeout.toSeconds() + " s"));
                        return;
                    }
                    Thread.sleep(CHECK_MILLIS); // objects and their names arrive on the client's own threads
                }
            } catch (InterruptedException e) {
                result.cancel(false);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<WorldObject> byName(Client client, String name, Set<UUID> asked) {
        List<WorldObject> named = client.world().byName(name.strip());
        var here = client.position().map(p -> p.position());
        Optional<WorldObject> nearest = named.stream().filter(o -> !o.isAvatar()).min((a, b) -> here.isEmpty() ? 0
                : Float.compare(distance(a, here.get()), distance(b, here.get())));
        if (nearest.isPresent()) {
            return nearest;
        }
        for (WorldObject o : client.world().find(o -> !o.isAvatar() && o.isRoot())) {
            if (asked.add(o.id())) {
                client.world().requestProperties(o);
            }
        }
        return Optional.empty();
    }

    private static float distance(WorldObject o, slnet.protocol.types.Vector3 to) {
        float dx = o.position().x() - to.x();
        float dy = o.position().y() - to.y();
        float dz = o.position().z() - to.z();
        return dx * dx + dy * dy + dz * dz;
    }
}
