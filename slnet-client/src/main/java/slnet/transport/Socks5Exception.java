package slnet.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * The SOCKS5 proxy could not be reached or refused to set up a UDP association.
 * {@link #reason()} says which step failed; the message never contains credentials.
 */
public final class Socks5Exception extends IOException {

    private static final long serialVersionUID = 1L;

    /** Which step of the handshake failed. */
    public enum Reason {
        /** The TCP connection to the proxy could not be made (refused, unreachable, timed out). */
        PROXY_UNREACHABLE,
        /** The proxy accepts none of the methods offered (e.g. it wants a password and none was configured). */
        NO_ACCEPTABLE_METHOD,
        /** The proxy rejected the username/password (RFC 1929 status != 0). */
        AUTHENTICATION_FAILED,
        /** The proxy refused the UDP ASSOCIATE request; see {@link #replyCode()}. */
        REQUEST_REJECTED,
        /** The proxy did not answer within the configured timeout. */
        TIMED_OUT,
        /** The proxy answered something that is not SOCKS5, or closed the connection mid-handshake. */
        PROTOCOL_VIOLATION
    }

    /** Which step failed. */
    private final Reason reason;
    /** RFC 1928 REP, or -1. */
    private final int replyCode;

    /**
     * Creates the exception.
     *
     * @param reason    which step failed
     * @param message   explanation, without credentials
     * @param replyCode the RFC 1928 REP field for {@link Reason#REQUEST_REJECTED}, otherwise -1
     * @param cause     underlying exception, or null
     */
    public Socks5Exception(Reason reason, String message, int replyCode, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
        this.replyCode = replyCode;
    }

    /**
     * Which step failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The proxy's reply code (RFC 1928 REP: 1 general failure, 2 not allowed by ruleset, 3 network
     * unreachable, 4 host unreachable, 5 connection refused, 6 TTL expired, 7 command not supported,
     * 8 address type not supported), or -1 if the failure was not a rejected request.
     *
     * @return the code or -1
     */
    public int replyCode() {
        return replyCode;
    }
}
