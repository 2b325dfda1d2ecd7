package slnet.testgrid.sim;

import java.util.UUID;

/**
 * One message a simulator received from an agent's circuit, for test assertions.
 *
 * @param agentId the agent whose circuit it came on
 * @param name    the message name, such as {@code "ChatFromViewer"}
 */
public record ReceivedMessage(UUID agentId, String name) {
}
