package slnet.protocol.llsd;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Text encodings of LLSD binary values: base64 (RFC 4648, whitespace tolerated), base16 (either
 * case) and base85 (RFC 1924 alphabet, as Python's {@code b85decode}, the only LLSD producer of
 * it). Decoders return {@code null} on bad input instead of throwing, so callers can attach an
 * offset.
 */
final class BinaryText {
    private BinaryText() {
    }

    private static final String B85_ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";
    private static final int[] B85_VALUE = new int[128];

    static {
        java.util.Arrays.fill(B85_VALUE, -1);
        for (int i = 0; i < B85_ALPHABET.length(); i++) {
            B85_VALUE[B85_ALPHABET.charAt(i)] = i;
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes base64, ignoring whitespace; {@code null} if malformed. */
    static byte[] fromBase64(CharSequence text) {
        String compact = stripSpace(text);
        // Some producers drop the padding; restore it rather than reject.
        int rem = compact.length() % 4;
        if (rem == 2) {
            compact += "==";
        } else if (rem == 3) {
            compact += "=";
        } else if (rem == 1) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String base16(byte[] bytes) {
        return java.util.HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Decodes base16 in either case, ignoring whitespace; {@code null} if malformed. */
    static byte[] fromBase16(CharSequence text) {
        String compact = stripSpace(text);
        if (compact.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[compact.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(compact.charAt(2 * i), 16);
            int lo = Character.digit(compact.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || compact.charAt(2 * i) > 0x7f || compact.charAt(2 * i + 1) > 0x7f) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Decodes RFC 1924 base85, ignoring whitespace; {@code null} if malformed. */
    static byte[] fromBase85(CharSequence text) {
        String compact = stripSpace(text);
        if (compact.length() % 5 == 1) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length() * 4 / 5 + 4);
        for (int i = 0; i < compact.length(); i += 5) {
            int n = Math.min(5, compact.length() - i);
            long acc = 0;
            for (int j = 0; j < 5; j++) {
                int digit;
                if (j < n) {
                    char c = compact.charAt(i + j);
                    digit = c < 128 ? B85_VALUE[c] : -1;
                    if (digit < 0) {
                        return null;
                    }
                } else {
                    digit = 84; // pad a short final group with the highest digit
                }
                acc = acc * 85 + digit;
            }
            if (acc > 0xFFFFFFFFL) {
                return null;
            }
            int bytes = n - 1;
            for (int k = 0; k < bytes; k++) {
                out.write((int) (acc >>> (24 - 8 * k)) & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** Encodes RFC 1924 base85 (for tests and completeness; formatters emit base64). */
    static String base85(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 5 / 4 + 5);
        for (int i = 0; i < bytes.length; i += 4) {
            int n = Math.min(4, bytes.length - i);
            long acc = 0;
            for (int k = 0; k < 4; k++) {
                acc = acc << 8 | (k < n ? bytes[i + k] & 0xff : 0);
            }
            char[] group = new char[5];
            for (int j = 4; j >= 0; j--) {
                group[j] = B85_ALPHABET.charAt((int) (acc % 85));
                acc /= 85;
            }
            sb.append(group, 0, n + 1);
        }
        return sb.toString();
    }

    private static String stripSpace(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
