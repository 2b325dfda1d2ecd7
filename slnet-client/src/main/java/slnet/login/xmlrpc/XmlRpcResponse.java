package slnet.login.xmlrpc;

import java.util.Objects;

/**
 * A method response: either one value or a fault.
 */
public sealed interface XmlRpcResponse {

    /**
     * A successful response.
     *
     * @param value the single returned value (see the package doc for types)
     */
    record Success(Object value) implements XmlRpcResponse {
        /** Rejects null. */
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A fault response.
     *
     * @param faultCode   the server's fault code
     * @param faultString the server's explanation
     */
    record Fault(int faultCode, String faultString) implements XmlRpcResponse {
        /** Rejects null. */
        public Fault {
            Objects.requireNonNull(faultString, "faultString");
        }
    }
}
