package slnet.login.internal;

import java.util.Map;
import slnet.login.LoginException;
import slnet.login.LoginFailure;

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
     * @throws LoginException if LLSD is unavailable
     */
    public static byte[] encode(Map<String, Object> params) throws LoginException {
        throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, "LLSD login is not available yet", null);
    }

    /**
     * Decodes a reply.
     *
     * @param body the body
     * @return a map of plain Java values
     * @throws LoginException {@link LoginFailure#MALFORMED_RESPONSE} if it is not LLSD
     */
    public static Object decode(byte[] body) throws LoginException {
        throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, "LLSD login is not available yet", null);
    }
}
