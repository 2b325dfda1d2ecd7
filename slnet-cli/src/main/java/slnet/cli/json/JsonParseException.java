package slnet.cli.json;

/**
 * Text is not valid JSON, or exceeds the parser's bounds. Names the character offset where
 * parsing stopped.
 */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * Creates the exception.
     *
     * @param offset the character offset (from 0) where parsing failed
     * @param detail what was wrong
     */
    public JsonParseException(int offset, String detail) {
        super(detail + " at offset " + offset, null, false, false);
        this.offset = offset;
    }

    /**
     * Returns where parsing failed.
     *
     * @return the character offset, from 0
     */
    public int offset() {
        return offset;
    }
}
