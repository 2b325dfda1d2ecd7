package slnet.testgrid;

import java.util.Map;
import slnet.login.xmlrpc.LlsdPlainValues;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.llsd.LlsdLimits;
import slnet.protocol.llsd.LlsdXml;

/**
 * LLSD XML bodies of LLSD logins, as plain Java maps.
 */
final class LlsdBodies {

    private static final LlsdLimits REQUEST_LIMITS = LlsdLimits.DEFAULT.withMaxBytes(1024 * 1024);

    private LlsdBodies() {
    }

    static Map<String, Object> decodeMap(byte[] body) {
        try {
            Object plain = LlsdPlainValues.toPlain(LlsdXml.parse(body, REQUEST_LIMITS));
            if (!(plain instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("LLSD login body is not a map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) map;
            return params;
        } catch (LlsdException e) {
            throw new IllegalArgumentException("LLSD login body: " + e.getMessage(), e);
        }
    }

    static byte[] encodeMap(Map<String, Object> map) {
        return LlsdXml.formatBytes(LlsdPlainValues.fromPlain(map));
    }
}
