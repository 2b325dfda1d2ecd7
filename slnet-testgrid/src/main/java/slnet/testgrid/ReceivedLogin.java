package slnet.testgrid;

import java.util.Map;

/**
 * One login request as the test grid's login server received it, for assertions.
 *
 * @param path        the request path
 * @param contentType the request's Content-Type
 * @param method      the XML-RPC method name ({@code login_to_simulator} for LLSD requests)
 * @param params      the decoded parameter map
 */
public record ReceivedLogin(String path, String contentType, String method, Map<String, Object> params) {
    /** Copies. */
    public ReceivedLogin {
        params = Map.copyOf(params);
    }
}
