package slnet.login;

/**
 * The wire format of the login request and reply.
 */
public enum LoginProtocol {
    /** {@code login_to_simulator} as an XML-RPC method call; what every grid accepts. */
    XML_RPC,
    /** The same parameters as an {@code application/llsd+xml} map POSTed to the login URI. */
    LLSD
}
