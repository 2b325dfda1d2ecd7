package slnet.login;

import java.util.UUID;

/**
 * A friend listed in the login reply.
 *
 * @param buddyId     the friend's agent id
 * @param rightsGiven rights this agent grants the friend (bit flags)
 * @param rightsHas   rights the friend grants this agent (bit flags)
 */
public record Buddy(UUID buddyId, int rightsGiven, int rightsHas) {
}
