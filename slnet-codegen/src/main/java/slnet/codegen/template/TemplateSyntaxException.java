package slnet.codegen.template;

/** The template (or message.xml) could not be read; the message names the line. */
public final class TemplateSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line where the problem is
     * @param reason what is wrong
     */
    public TemplateSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    /**
     * Returns the 1-based line number where the problem was found.
     *
     * @return the line
     */
    public int line() {
        return line;
    }
}
