package slnet.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns a password into the {@code passwd} login parameter: {@code $1$} followed by the lower-case
 * MD5 hex digest of the password's UTF-8 bytes.
 */
public final class PasswordHasher {

    private static final Pattern ALREADY_HASHED = Pattern.compile("\\$1\\$[0-9a-fA-F]{32}");

    private PasswordHasher() {
    }

    /**
     * Hashes a password, or passes an already hashed one through (lower-cased).
     *
     * @param password plain text, or {@code $1$} + 32 hex digits
     * @param maxChars hash only this many leading code points (0 = all); Second Life's viewer
     *                 never lets more than 16 characters reach the hash
     * @return the {@code passwd} value
     */
    public static String toLoginHash(String password, int maxChars) {
        if (ALREADY_HASHED.matcher(password).matches()) {
            return "$1$" + password.substring(3).toLowerCase(java.util.Locale.ROOT);
        }
        String effective = password;
        if (maxChars > 0 && password.codePointCount(0, password.length()) > maxChars) {
            effective = password.substring(0, password.offsetByCodePoints(0, maxChars));
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(effective.getBytes(StandardCharsets.UTF_8));
            return "$1$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
