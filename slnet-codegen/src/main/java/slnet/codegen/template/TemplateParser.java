package slnet.codegen.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Parses the text of a version 2.0 message template.
 *
 * <p>The grammar: an optional {@code version N} line, then messages, each
 * {@code { Name Frequency Number Trust Encoding [Deprecation] Block* }}, each block
 * {@code { Name Single|Multiple N|Variable Field* }}, each field {@code { Name Type [Size] }}.
 * {@code //} starts a comment that runs to the end of the line. Every error names its line.
 * Instances are not needed: the parser is a pure function.
 */
public final class TemplateParser {

    /** The largest block count {@code Multiple N} may have; the wire count of a Variable block is one byte. */
    private static final int MAX_MULTIPLE = 255;

    private final List<Token> tokens;
    private int next;

    private TemplateParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a template.
     *
     * @param templateBytes the template file's bytes (ASCII)
     * @return the template, with default routing on every message
     * @throws TemplateSyntaxException if the text is not a valid template
     */
    public static MessageTemplate parse(byte[] templateBytes) throws TemplateSyntaxException {
        String text = new String(templateBytes, StandardCharsets.ISO_8859_1);
        TemplateParser parser = new TemplateParser(tokenize(text));
        return parser.parseTemplate(sha1(templateBytes));
    }

    private MessageTemplate parseTemplate(String sha1) throws TemplateSyntaxException {
        String version = "1.0";
        if (!atEnd() && peek().text.equals("version")) {
            next++;
            version = expectWord("a version number after 'version'").text;
        }
        List<MessageDefinition> messages = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        while (!atEnd()) {
            Token start = peek();
            MessageDefinition message = parseMessage();
            Integer previous = names.putIfAbsent(message.name(), start.line);
            if (previous != null) {
                throw new TemplateSyntaxException(start.line,
                        "message " + message.name() + " is defined twice (first on line " + previous + ")");
            }
            String id = message.frequency() + " " + message.number();
            String other = numbers.putIfAbsent(id, message.name());
            if (other != null) {
                throw new TemplateSyntaxException(start.line, "message " + message.name()
                        + " has the same frequency and number as " + other);
            }
            messages.add(message);
        }
        return new MessageTemplate(version, sha1, messages);
    }

    private MessageDefinition parseMessage() throws TemplateSyntaxException {
        expect("{");
        Token nameToken = expectWord("a message name");
        String name = identifier(nameToken, "message name");
        Token frequencyToken = expectWord("a frequency (High, Medium, Low, Fixed) for " + name);
        Frequency frequency = switch (frequencyToken.text) {
            case "High" -> Frequency.HIGH;
            case "Medium" -> Frequency.MEDIUM;
            case "Low" -> Frequency.LOW;
            case "Fixed" -> Frequency.FIXED;
            default -> throw error(frequencyToken, "unknown frequency '" + frequencyToken.text
                    + "' for " + name + " (expected High, Medium, Low or Fixed)");
        };
        Token numberToken = expectWord("a message number for " + name);
        long number = parseNumber(numberToken, name, frequency);
        Token trustToken = expectWord("Trusted or NotTrusted for " + name);
        boolean trusted = switch (trustToken.text) {
            case "Trusted" -> true;
            case "NotTrusted" -> false;
            default -> throw error(trustToken, "expected Trusted or NotTrusted for " + name
                    + ", found '" + trustToken.text + "'");
        };
        Token encodingToken = expectWord("Zerocoded or Unencoded for " + name);
        boolean zerocoded = switch (encodingToken.text) {
            case "Zerocoded" -> true;
            case "Unencoded" -> false;
            default -> throw error(encodingToken, "expected Zerocoded or Unencoded for " + name
                    + ", found '" + encodingToken.text + "'");
        };
        MessageDefinition.Deprecation deprecation = MessageDefinition.Deprecation.NONE;
        if (!atEnd() && !peek().isPunctuation()) {
            Token token = tokens.get(next++);
            deprecation = switch (token.text) {
                case "Deprecated" -> MessageDefinition.Deprecation.DEPRECATED;
                case "UDPDeprecated" -> MessageDefinition.Deprecation.UDP_DEPRECATED;
                case "UDPBlackListed" -> MessageDefinition.Deprecation.UDP_BLACKLISTED;
                case "NotDeprecated" -> MessageDefinition.Deprecation.NONE;
                default -> throw error(token, "unknown deprecation marker '" + token.text + "' for " + name);
            };
        }
        List<BlockDefinition> blocks = new ArrayList<>();
        while (peekIs("{")) {
            BlockDefinition block = parseBlock(name);
            for (BlockDefinition other : blocks) {
                if (other.name().equals(block.name())) {
                    throw error(tokens.get(next - 1), "block " + block.name() + " appears twice in " + name);
                }
            }
            blocks.add(block);
        }
        expect("}");
        return new MessageDefinition(name, frequency, number, trusted, zerocoded, deprecation, blocks,
                MessageRouting.DEFAULT);
    }

    private BlockDefinition parseBlock(String messageName) throws TemplateSyntaxException {
        expect("{");
        String name = identifier(expectWord("a block name in " + messageName), "block name");
        Token kind = expectWord("Single, Multiple or Variable for block " + name);
        BlockDefinition.Cardinality cardinality;
        int count;
        switch (kind.text) {
            case "Single" -> {
                cardinality = BlockDefinition.Cardinality.SINGLE;
                count = 1;
            }
            case "Multiple" -> {
                cardinality = BlockDefinition.Cardinality.MULTIPLE;
                Token countToken = expectWord("a count after Multiple in block " + name);
                count = parseSmallInt(countToken, 1, MAX_MULTIPLE, "Multiple count of block " + name);
            }
            case "Variable" -> {
                cardinality = BlockDefinition.Cardinality.VARIABLE;
                count = 0;
            }
            default -> throw error(kind, "expected Single, Multiple or Variable for block " + name
                    + ", found '" + kind.text + "'");
        }
        List<FieldDefinition> fields = new ArrayList<>();
        while (peekIs("{")) {
            FieldDefinition field = parseField(name);
            for (FieldDefinition other : fields) {
                if (other.name().equals(field.name())) {
                    throw error(tokens.get(next - 1), "field " + field.name() + " appears twice in block " + name);
                }
            }
            fields.add(field);
        }
        expect("}");
        return new BlockDefinition(name, cardinality, count, fields);
    }

    private FieldDefinition parseField(String blockName) throws TemplateSyntaxException {
        expect("{");
        String name = identifier(expectWord("a field name in block " + blockName), "field name");
        Token typeToken = expectWord("a type for field " + name);
        FieldDefinition field;
        switch (typeToken.text) {
            case "Fixed" -> {
                int size = parseSmallInt(expectWord("a size after Fixed for field " + name), 1, 65535,
                        "Fixed size of field " + name);
                field = new FieldDefinition(name, FieldType.FIXED, size);
            }
            case "Variable" -> {
                int width = parseSmallInt(expectWord("1 or 2 after Variable for field " + name), 1, 2,
                        "Variable length width of field " + name);
                field = new FieldDefinition(name, width == 1 ? FieldType.VARIABLE1 : FieldType.VARIABLE2, width);
            }
            default -> {
                FieldType type = FieldType.ofTemplateName(typeToken.text);
                if (type == null) {
                    throw error(typeToken, "unknown field type '" + typeToken.text + "' for field " + name);
                }
                field = new FieldDefinition(name, type, type.wireSize());
            }
        }
        expect("}");
        return field;
    }

    private long parseNumber(Token token, String name, Frequency frequency) throws TemplateSyntaxException {
        long value;
        try {
            String text = token.text;
            value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(token, "message number '" + token.text + "' of " + name + " is not a number");
        }
        long min;
        long max;
        switch (frequency) {
            case HIGH -> { min = 1; max = 254; }
            case MEDIUM -> { min = 1; max = 254; }
            case LOW -> { min = 1; max = 0xFEFF; }
            default -> { min = 0xFFFFFF00L; max = 0xFFFFFFFFL; }
        }
        if (value < min || value > max) {
            throw error(token, "message number " + token.text + " of " + name + " is out of range for "
                    + frequency + " (" + min + " to " + max + ")");
        }
        return value;
    }

    private static int parseSmallInt(Token token, int min, int max, String what) throws TemplateSyntaxException {
        try {
            int value = Integer.parseInt(token.text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(token, what + " must be a number from " + min + " to " + max + ", found '" + token.text + "'");
    }

    private static String identifier(Token token, String what) throws TemplateSyntaxException {
        String text = token.text;
        if (!Character.isLetter(text.charAt(0))) {
            throw error(token, what + " '" + text + "' must start with a letter");
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                throw error(token, what + " '" + text + "' has the character '" + c + "'");
            }
        }
        return text;
    }

    private boolean atEnd() {
        return next >= tokens.size();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean peekIs(String punctuation) {
        return !atEnd() && peek().text.equals(punctuation);
    }

    private void expect(String punctuation) throws TemplateSyntaxException {
        if (atEnd()) {
            throw new TemplateSyntaxException(lastLine(), "expected '" + punctuation + "' but the template ended");
        }
        Token token = tokens.get(next++);
        if (!token.text.equals(punctuation)) {
            throw error(token, "expected '" + punctuation + "', found '" + token.text + "'");
        }
    }

    private Token expectWord(String what) throws TemplateSyntaxException {
        if (atEnd()) {
            throw new TemplateSyntaxException(lastLine(), "expected " + what + " but the template ended");
        }
        Token token = tokens.get(next++);
        if (token.isPunctuation()) {
            throw error(token, "expected " + what + ", found '" + token.text + "'");
        }
        return token;
    }

    private int lastLine() {
        return tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line;
    }

    private static TemplateSyntaxException error(Token token, String reason) {
        return new TemplateSyntaxException(token.line, reason);
    }

    private static List<Token> tokenize(String text) {
        List<Token> result = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}') {
                result.add(new Token(String.valueOf(c), line));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '{'
                        && text.charAt(i) != '}' && !(text.charAt(i) == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    i++;
                }
                result.add(new Token(text.substring(start, i), line));
            }
        }
        return result;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private record Token(String text, int line) {
        boolean isPunctuation() {
            return text.equals("{") || text.equals("}");
        }
    }
}
