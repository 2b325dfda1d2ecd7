package slnet.codegen.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed message template.
 *
 * @param version the template version, e.g. {@code 2.0}
 * @param sha1 the lower-case hex SHA-1 of the template file's bytes
 * @param messages the messages in template order
 */
public record MessageTemplate(String version, String sha1, List<MessageDefinition> messages) {
    /** Validates the template. */
    public MessageTemplate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha1, "sha1");
        messages = List.copyOf(messages);
    }

    /**
     * Returns a copy where each message named in {@code routing} carries what it says.
     *
     * @param routing message name to routing, as read from message.xml
     * @return the copy
     */
    public MessageTemplate withRouting(Map<String, MessageRouting> routing) {
        return new MessageTemplate(version, sha1, messages.stream()
                .map(m -> m.withRouting(routing.getOrDefault(m.name(), MessageRouting.DEFAULT)))
                .toList());
    }
}
