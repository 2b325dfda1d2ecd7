package slnet.login.xmlrpc;

import java.io.Serial;

/**
 * Input that is not valid, acceptable XML-RPC: malformed XML, a forbidden DTD, a bound exceeded,
 * an unknown type or an unparsable scalar.
 */
public final class XmlRpcException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, never including secrets from the input
     */
    public XmlRpcException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong
     * @param cause   the underlying parser error
     */
    public XmlRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
