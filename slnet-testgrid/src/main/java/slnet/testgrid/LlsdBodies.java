package slnet.testgrid;

import java.util.Map;

/**
 * LLSD XML bodies of LLSD logins, as plain Java maps.
 */
final class LlsdBodies {

    private LlsdBodies() {
    }

    static Map<String, Object> decodeMap(byte[] body) {
        throw new IllegalArgumentException("LLSD login is not supported yet");
    }

    static byte[] encodeMap(Map<String, Object> map) {
        throw new IllegalArgumentException("LLSD login is not supported yet");
    }
}
