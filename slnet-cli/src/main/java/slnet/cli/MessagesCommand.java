package slnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import slnet.cli.json.Json;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.MessageRegistry;
import slnet.protocol.messages.Messages;

/**
 * {@code slnet messages [NAME]}: lists every message of the template, or shows one message's
 * layout. An unknown name exits with 1 and suggests close names on stderr.
 */
@Command(name = "messages",
        footerHeading = "%nExamples:%n", footer = {"  slnet messages", "  slnet messages ChatFromSimulator"},
        description = {"List every message of the template, one per line: name, frequency and number, "
                + "trust, encoding, deprecation, and markers [eq] (message.xml routes it over the event queue) "
                + "and [trusted-sender] (message.xml accepts it only from a trusted sender).",
            "With NAME, show that message's blocks and fields in the template's layout."})
public final class MessagesCommand implements Callable<Integer> {
    private final MessageRegistry registry = Messages.REGISTRY;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A message name, e.g. StartPingCheck.")
    String name;

    @Option(names = "--json", description = "Print JSON: one object per message, or the layout as one object.")
    boolean json;

    /** Creates the command; picocli calls this. */
    public MessagesCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (MessageDescriptor message : registry.all()) {
                out.println(json ? Json.write(summary(message)) : listLine(message));
            }
            out.flush();
            return 0;
        }
        MessageDescriptor message = find(name);
        if (message == null) {
            List<String> close = closeNames(name);
            spec.commandLine().getErr().println("slnet messages: no message is named '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (json) {
            out.println(Json.write(layoutJson(message)));
        } else {
            printLayout(message, out);
        }
        out.flush();
        return 0;
    }

    /** Exact name first; a case-insensitive match is accepted too, as names are easy to mistype. */
    private MessageDescriptor find(String wanted) {
        MessageDescriptor exact = registry.byName(wanted);
        if (exact != null) {
            return exact;
        }
        return registry.all().stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    private List<String> closeNames(String wanted) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, wanted.length() / 4);
        List<String> close = new ArrayList<>();
        for (MessageDescriptor message : registry.all()) {
            String candidate = message.name().toLowerCase(Locale.ROOT);
            if ((lower.length() >= 3 && candidate.contains(lower)) || editDistance(lower, candidate) <= tolerance) {
                close.add(message.name());
            }
        }
        // Closest spelling first, so a typo's fix leads the list ahead of mere substring matches.
        close.sort(java.util.Comparator.comparingInt(
                (String candidate) -> editDistance(lower, candidate.toLowerCase(Locale.ROOT))));
        return close.size() > 8 ? close.subList(0, 8) : close;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String number(MessageDescriptor message) {
        return switch (message.frequency()) {
            case HIGH -> "High " + message.number();
            case MEDIUM -> "Medium " + message.number();
            case LOW -> "Low " + message.number();
            case FIXED -> String.format("Fixed 0xFFFFFF%02X", message.number());
        };
    }

    private static String deprecation(MessageDescriptor message) {
        return switch (message.deprecation()) {
            case NONE -> "";
            case DEPRECATED -> "Deprecated";
            case UDP_DEPRECATED -> "UDPDeprecated";
            case UDP_BLACKLISTED -> "UDPBlackListed";
        };
    }

    private static String header(MessageDescriptor message) {
        String deprecation = deprecation(message);
        return message.name() + " " + number(message) + " " + (message.trusted() ? "Trusted" : "NotTrusted") + " "
                + (message.zerocoded() ? "Zerocoded" : "Unencoded") + (deprecation.isEmpty() ? "" : " " + deprecation);
    }

    static String listLine(MessageDescriptor message) {
        StringBuilder line = new StringBuilder(String.format("%-40s %-18s %-10s %-9s", message.name(),
                number(message), message.trusted() ? "Trusted" : "NotTrusted",
                message.zerocoded() ? "Zerocoded" : "Unencoded"));
        String deprecation = deprecation(message);
        if (!deprecation.isEmpty()) {
            line.append(' ').append(deprecation);
        }
        if (message.eventQueue()) {
            line.append(" [eq]");
        }
        if (message.trustedSender()) {
            line.append(" [trusted-sender]");
        }
        return line.toString().stripTrailing();
    }

    private static void printLayout(MessageDescriptor message, PrintWriter out) {
        List<String> notes = new ArrayList<>();
        if (message.eventQueue()) {
            notes.add("routed over the event queue");
        }
        if (message.trustedSender()) {
            notes.add("accepted only from a trusted sender");
        }
        if (!notes.isEmpty()) {
            out.println("// message.xml: " + String.join(", ", notes));
        }
        out.println("{");
        out.println("    " + header(message));
        for (BlockDescriptor block : message.blocks()) {
            out.println("    {");
            out.println("        " + block.name() + " " + block.layout());
            int width = block.fields().stream().mapToInt(field -> field.name().length()).max().orElse(0);
            for (FieldDescriptor field : block.fields()) {
                out.println("        { " + String.format("%-" + width + "s", field.name()) + "  " + field.layout()
                        + " }");
            }
            out.println("    }");
        }
        out.println("}");
    }

    private static Map<String, Object> summary(MessageDescriptor message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", message.name());
        json.put("frequency", message.frequency().name().charAt(0)
                + message.frequency().name().substring(1).toLowerCase(Locale.ROOT));
        json.put("number", message.number());
        json.put("trusted", message.trusted());
        json.put("zerocoded", message.zerocoded());
        json.put("deprecation", deprecation(message).isEmpty() ? null : deprecation(message));
        json.put("eventQueue", message.eventQueue());
        json.put("trustedSender", message.trustedSender());
        return json;
    }

    private static Map<String, Object> layoutJson(MessageDescriptor message) {
        Map<String, Object> json = summary(message);
        List<Object> blocks = new ArrayList<>();
        for (BlockDescriptor block : message.blocks()) {
            Map<String, Object> blockJson = new LinkedHashMap<>();
            blockJson.put("name", block.name());
            blockJson.put("cardinality", block.layout());
            List<Object> fields = new ArrayList<>();
            for (FieldDescriptor field : block.fields()) {
                Map<String, Object> fieldJson = new LinkedHashMap<>();
                fieldJson.put("name", field.name());
                fieldJson.put("type", field.layout());
                fields.add(fieldJson);
            }
            blockJson.put("fields", fields);
            blocks.add(blockJson);
        }
        json.put("blocks", blocks);
        return json;
    }
}
