package slnet.login.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * A method call: a method name and positional parameters (see the package doc for value types).
 *
 * @param methodName the method, e.g. {@code login_to_simulator}
 * @param params     the parameters, in order
 */
public record XmlRpcRequest(String methodName, List<Object> params) {
    /** Validates and copies the parameters. */
    public XmlRpcRequest {
        Objects.requireNonNull(methodName, "methodName");
        if (methodName.isBlank()) {
            throw new IllegalArgumentException("methodName is blank");
        }
        params = List.copyOf(params);
    }
}
