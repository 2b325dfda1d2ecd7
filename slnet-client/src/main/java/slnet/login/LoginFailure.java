package slnet.login;

/**
 * Why a login did not produce a session.
 */
public enum LoginFailure {
    /** Wrong name or password (server reason {@code key}). */
    BAD_CREDENTIALS,
    /** The agent is still logged in elsewhere or its last session has not ended ({@code presence}). */
    PRESENCE,
    /** The grid requires a newer viewer ({@code update}). */
    UPDATE_REQUIRED,
    /** The terms of service must be accepted first ({@code tos}); retry with agree-to-TOS. */
    TOS_REQUIRED,
    /** A critical message must be read first ({@code critical}); retry with read-critical. */
    CRITICAL_MESSAGE,
    /** The grid asks for a multi-factor token and none (or a wrong one) was available. */
    MFA_CHALLENGE,
    /** The grid refused for another reason it named (banned, disabled, region down...). */
    REJECTED,
    /** The login service answered with an XML-RPC fault. */
    FAULT,
    /** The login service said it is unavailable (HTTP 502, 503 or 504); worth retrying later. */
    GRID_DOWN,
    /** The login service answered with another non-2xx HTTP status. */
    HTTP_ERROR,
    /** The login service could not be reached (DNS, refused, TLS). */
    CONNECTION_FAILED,
    /** The reply was not a login reply, or lacked something a session needs. */
    MALFORMED_RESPONSE,
    /** No reply within the configured time. */
    TIMEOUT,
    /** The login service redirected more often than allowed. */
    TOO_MANY_REDIRECTS,
    /** The calling thread was interrupted. */
    INTERRUPTED
}
