package slnet.login.internal;

import java.util.Map;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.login.xmlrpc.LlsdPlainValues;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.llsd.LlsdLimits;
import slnet.protocol.llsd.LlsdXml;

/**
 * Encodes the login parameters as an LLSD XML map and decodes an LLSD XML reply into the same
 * plain Java types the XML-RPC reader produces.
 */
public final class LlsdLoginCodec {

    private LlsdLoginCodec() {
    }

    /**
     * Encodes the parameters.
     *
     * @param params the parameter map
     * @return {@code application/llsd+xml} bytes
     */
    public static byte[] encode(Map<String, Object> params) {
        return LlsdXml.formatBytes(LlsdPlainValues.fromPlain(params));
    }

    /**
     * Decodes a reply.
     *
     * @param body   the body
     * @param limits parse bounds
     * @return a map of plain Java values
     * @throws LoginException {@link LoginFailure#MALFORMED_RESPONSE} if it is not LLSD XML
     */
    public static Object decode(byte[] body, LlsdLimits limits) throws LoginException {
        try {
            Llsd reply = LlsdXml.parse(body, limits);
            return LlsdPlainValues.toPlain(reply);
        } catch (LlsdException e) {
            throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, "LLSD reply: " + e.getMessage(), e);
        }
    }
}
