package slnet.protocol.llsd;

import java.nio.charset.StandardCharsets;

/**
 * LLSD notation, the compact text form: {@code !}, {@code 1}/{@code 0}/{@code true}/{@code false}
 * /{@code t}/{@code f}, {@code i42}, {@code r1.5} (also {@code rnan}, {@code rinf},
 * {@code r-inf}), {@code u<uuid>}, {@code '...'} and {@code "..."} strings with backslash
 * escapes, {@code s(n)"raw"}, {@code d"2006-02-01T14:29:53Z"}, {@code l"uri"},
 * {@code b64"..."}/{@code b16"..."}/{@code b85"..."}/{@code b(n)"raw"},
 * <code>{'key':value,...}</code> and {@code [value,...]}, optionally after a
 * {@code <? llsd/notation ?>} line.
 *
 * <p>The formatter writes pure ASCII (non-ASCII string bytes as {@code \xHH} escapes, binary as
 * {@code b64}) so its output is also a valid Java string. Stateless and thread-safe.
 */
public final class LlsdNotation {
    private LlsdNotation() {
    }

    /**
     * Parses notation text under the default limits.
     *
     * @param text the text
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(String text) throws LlsdException {
        return parse(text.getBytes(StandardCharsets.UTF_8), LlsdLimits.DEFAULT);
    }

    /**
     * Parses notation text under the given limits.
     *
     * @param text the text
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(String text, LlsdLimits limits) throws LlsdException {
        return parse(text.getBytes(StandardCharsets.UTF_8), limits);
    }

    /**
     * Parses notation bytes under the default limits.
     *
     * @param bytes the bytes
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(byte[] bytes) throws LlsdException {
        return parse(bytes, LlsdLimits.DEFAULT);
    }

    /**
     * Parses notation bytes (one value, optional header and surrounding whitespace).
     *
     * @param bytes the bytes
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if malformed or over the limits
     */
    public static Llsd parse(byte[] bytes, LlsdLimits limits) throws LlsdException {
        ParseBudget.inputSize(bytes.length, limits);
        return new NotationParser(bytes, 0, bytes.length, new ParseBudget(limits)).document();
    }

    /**
     * Returns the value in notation, as ASCII text.
     *
     * @param value the value
     * @return the value in notation, as ASCII text
     */
    public static String format(Llsd value) {
        StringBuilder sb = new StringBuilder(64);
        NotationFormatter.write(value, sb);
        return sb.toString();
    }

    /**
     * Returns the value in notation, as ASCII bytes.
     *
     * @param value the value
     * @return the value in notation, as ASCII bytes
     */
    public static byte[] formatBytes(Llsd value) {
        return format(value).getBytes(StandardCharsets.US_ASCII);
    }
}
