package slnet.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import slnet.Client;
import slnet.handler.HandlerContext;
import slnet.handler.Registration;
import slnet.login.SessionInfo;
import slnet.protocol.messages.AvatarPickerReply;
import slnet.protocol.messages.AvatarPickerRequest;
import slnet.protocol.types.Bytes;

/**
 * Finds an avatar's id by its name, as the viewer's people picker does: {@code AvatarPickerRequest}
 * with the name as the search text, then the {@code AvatarPickerReply} with the same query id, whose
 * entries are matched against the name exactly (ignoring case), since the grid answers with every
 * name that contains the text. OpenSimulator and the test grid answer it over UDP.
 */
final class AvatarSearch {
    private static final UUID NONE = new UUID(0, 0);

    /**
     * An avatar found.
     *
     * @param id its agent id
     * @param name "First Last" as the grid spells it
     */
    record Avatar(UUID id, String name) {
    }

    private AvatarSearch() {
    }

    /**
     * Looks the name up on the client's current session.
     *
     * @param client a connected client
     * @param first the first name
     * @param last the last name ("Resident" for a username)
     * @param timeout how long to wait for the reply
     * @return the avatar; fails with {@link IllegalArgumentException} naming what was found when no
     *     entry matches, or with a {@link java.util.concurrent.TimeoutException}
     * @throws IllegalStateException if the client is not connected
     */
    static CompletableFuture<Avatar> find(Client client, String first, String last, Duration timeout) {
        SessionInfo session = client.network().session()
                .orElseThrow(() -> new IllegalStateException("not connected"));
        HandlerContext context = client.network().primaryContext()
                .orElseThrow(() -> new IllegalStateException("not connected"));
        UUID query = UUID.randomUUID();
        String wanted = first + " " + last;
        CompletableFuture<Avatar> found = new CompletableFuture<>();
        Registration registration = client.handlers().register(AvatarPickerReply.class, (reply, from) -> {
            if (reply.agentData().queryID().equals(query)) {
                match(reply, wanted).ifPresentOrElse(found::complete, () -> found.completeExceptionally(
                        new IllegalArgumentException("no avatar named " + wanted + found(reply))));
            }
        });
        found.whenComplete((id, failure) -> registration.remove());
        try {
            context.circuit().send(new AvatarPickerRequest(
                    new AvatarPickerRequest.AgentData(session.agentId(), session.sessionId(), query),
                    new AvatarPickerRequest.Data(Bytes.ofString(wanted))), true);
        } catch (RuntimeException e) {
            found.completeExceptionally(e);
        }
        return found.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Optional<Avatar> match(AvatarPickerReply reply, String wanted) {
        for (AvatarPickerReply.Data d : reply.data()) {
            String name = d.firstName().asString() + " " + d.lastName().asString();
            if (name.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)) && !d.avatarID().equals(NONE)) {
                return Optional.of(new Avatar(d.avatarID(), name));
            }
        }
        return Optional.empty();
    }

    private static String found(AvatarPickerReply reply) {
        List<String> names = new ArrayList<>();
        for (AvatarPickerReply.Data d : reply.data()) {
            if (!d.avatarID().equals(NONE)) {
                names.add(d.firstName().asString() + " " + d.lastName().asString());
            }
        }
        return names.isEmpty() ? "" : " (found: " + String.join(", ", names) + ")";
    }
}
