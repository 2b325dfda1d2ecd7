package slnet.protocol.llsd;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The three LLSD serialisations, with their HTTP content types. */
public enum LlsdFormat {
    /** {@code <llsd>...</llsd>}, the form of capability and event-queue HTTP bodies. */
    XML("application/llsd+xml"),
    /** The compact binary form, used in assets (mesh headers) and some capabilities. */
    BINARY("application/llsd+binary"),
    /** The human-readable text form ({@code {'key':i1}}). */
    NOTATION("application/llsd+notation");

    private final String contentType;

    LlsdFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * Returns the canonical HTTP content type of this format.
     *
     * @return the canonical HTTP content type of this format
     */
    public String contentType() {
        return contentType;
    }

    /**
     * Maps an HTTP content type (parameters such as {@code ;charset=} ignored) to a format.
     *
     * @param contentType the content type, e.g. {@code application/llsd+xml}
     * @return the format, or {@code null} if the type is null or names none of them
     */
    public static LlsdFormat fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t = (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/llsd+xml", "application/xml", "text/xml" -> XML;
            case "application/llsd+binary", "application/binary" -> BINARY;
            case "application/llsd+notation", "text/llsd+notation" -> NOTATION;
            default -> null;
        };
    }

    /**
     * Guesses the format of a document from its first bytes: XML starts with {@code <} (after
     * optional whitespace), the binary and notation headers name themselves, and otherwise a
     * control or non-ASCII byte among the first few means binary. The guess can be wrong for a
     * bare binary scalar that happens to look like text (such as {@code i} followed by four
     * digits); use the content type when there is one.
     *
     * @param bytes the bytes
     * @return the likely format; never null
     */
    public static LlsdFormat detect(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '<') {
            String head = new String(bytes, i, Math.min(bytes.length - i, 24), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            if (head.startsWith("<? llsd/binary")) {
                return BINARY;
            }
            if (head.startsWith("<? llsd/notation") || head.startsWith("<?llsd/notation")) {
                return NOTATION;
            }
            return XML;
        }
        int end = Math.min(bytes.length, i + 16);
        for (int j = i; j < end; j++) {
            int b = bytes[j] & 0xff;
            if ((b < 0x20 && !isSpace(bytes[j])) || b >= 0x7f) {
                return BINARY;
            }
        }
        return NOTATION;
    }

    /**
     * Parses a document of this format.
     *
     * @param bytes the bytes
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if the document is malformed or over the limits
     */
    public Llsd parse(byte[] bytes, LlsdLimits limits) throws LlsdException {
        return switch (this) {
            case XML -> LlsdXml.parse(bytes, limits);
            case BINARY -> LlsdBinary.parse(bytes, limits);
            case NOTATION -> LlsdNotation.parse(bytes, limits);
        };
    }

    /**
     * Serialises a value in this format (binary without header).
     *
     * @param value the value
     * @return the encoded document
     */
    public byte[] format(Llsd value) {
        return switch (this) {
            case XML -> LlsdXml.formatBytes(value);
            case BINARY -> LlsdBinary.format(value);
            case NOTATION -> LlsdNotation.formatBytes(value);
        };
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
