package slnet.login.xmlrpc;

/**
 * The XML-RPC {@code <nil/>} extension value; collections cannot hold {@code null}, so nil is a
 * singleton.
 */
public enum XmlRpcNil {
    /** The only nil value. */
    NIL
}
