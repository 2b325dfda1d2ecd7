package slnet.testgrid.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * How the test grid's login server misbehaves. Wrong passwords need no switch: they are refused
 * naturally.
 */
public sealed interface LoginFault {

    /** Behave normally. */
    LoginFault NONE = new None();

    /** Behave normally. */
    record None() implements LoginFault {
    }

    /** Refuse with {@code reason=presence}: the agent is still logged in. */
    record Presence() implements LoginFault {
    }

    /** Refuse with {@code reason=tos} unless the request agrees to the terms of service. */
    record TosRequired() implements LoginFault {
    }

    /**
     * Challenge with {@code reason=mfa_challenge} unless the request carries the expected token
     * (then succeed and issue {@code mfaHash}) or that hash from an earlier success.
     *
     * @param expectedToken the token that passes
     * @param mfaHash       the hash issued on success and accepted afterwards
     */
    record MfaChallenge(String expectedToken, String mfaHash) implements LoginFault {
        /** Rejects nulls. */
        public MfaChallenge {
            Objects.requireNonNull(expectedToken, "expectedToken");
            Objects.requireNonNull(mfaHash, "mfaHash");
        }
    }

    /**
     * Answer the first {@code times} requests with {@code login=indeterminate}, pointing back at
     * this server.
     *
     * @param times          how many redirects before a real answer
     * @param nextDurationSeconds the wait the reply asks for
     */
    record Redirect(int times, int nextDurationSeconds) implements LoginFault {
    }

    /**
     * Answer with an HTTP error status.
     *
     * @param status e.g. 500 or 503
     */
    record HttpStatus(int status) implements LoginFault {
    }

    /**
     * Answer with an XML-RPC fault (XML-RPC requests; LLSD requests get the same fault document).
     *
     * @param faultCode   the code
     * @param faultString the text
     */
    record XmlRpcFault(int faultCode, String faultString) implements LoginFault {
        /** Rejects null. */
        public XmlRpcFault {
            Objects.requireNonNull(faultString, "faultString");
        }
    }

    /** Answer 200 with an HTML page instead of XML (a captive portal or proxy error page). */
    record HtmlBody() implements LoginFault {
    }

    /** Answer with a success reply cut off halfway. */
    record TruncatedXml() implements LoginFault {
    }

    /**
     * Send the headers and half the body at once, then stall before the rest: a timeout that
     * only covers the headers would hang.
     *
     * @param stall how long to stall mid-body
     */
    record StalledBody(Duration stall) implements LoginFault {
        /** Rejects null. */
        public StalledBody {
            Objects.requireNonNull(stall, "stall");
        }
    }

    /**
     * Answer normally, but only after a delay.
     *
     * @param delay how long to stall
     */
    record SlowResponse(Duration delay) implements LoginFault {
        /** Rejects null. */
        public SlowResponse {
            Objects.requireNonNull(delay, "delay");
        }
    }
}
