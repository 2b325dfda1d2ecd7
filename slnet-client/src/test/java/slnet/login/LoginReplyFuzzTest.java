package slnet.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import slnet.login.internal.LlsdLoginCodec;
import slnet.login.internal.LoginReplyDecoder;
import slnet.login.xmlrpc.XmlRpcException;
import slnet.login.xmlrpc.XmlRpcReader;
import slnet.login.xmlrpc.XmlRpcResponse;
import slnet.protocol.llsd.LlsdLimits;
import slnet.protocol.internal.StandardErrorRecorder;

/**
 * Fuzz targets for what a login server answers: the XML-RPC reader, and the login reply decoder
 * behind it (XML-RPC and LLSD). Any bytes give a reply or a typed error: {@link XmlRpcException},
 * {@link LoginException}, and nothing printed to standard error.
 */
class LoginReplyFuzzTest {
    private static final XmlRpcReader READER = XmlRpcReader.standard();

    @FuzzTest(maxDuration = "0s")
    void xmlRpcReader(byte[] input) throws Throwable {
        // A reader that prints to the process's standard error fails too: the JDK's reader once did.
        String printed = StandardErrorRecorder.during(() -> {
            try {
                READER.readResponse(input);
            } catch (XmlRpcException expected) {
                assertThat(expected.getMessage()).isNotNull();
            }
            try {
                READER.readRequest(input);
            } catch (XmlRpcException expected) {
                assertThat(expected.getMessage()).isNotNull();
            }
        });
        assertThat(printed).as("printed to standard error").isEmpty();
    }

    @FuzzTest(maxDuration = "0s")
    void loginReply(byte[] input) throws Throwable {
        String printed = StandardErrorRecorder.during(() -> decodeLoginReply(input));
        assertThat(printed).as("printed to standard error").isEmpty();
    }

    private static void decodeLoginReply(byte[] input) {
        Object reply;
        try {
            if (input.length > 0 && (input[0] & 1) == 0) {
                XmlRpcResponse response = READER.readResponse(input);
                if (!(response instanceof XmlRpcResponse.Success success)) {
                    return;
                }
                reply = success.value();
            } else {
                reply = LlsdLoginCodec.decode(input, LlsdLimits.DEFAULT);
            }
        } catch (XmlRpcException | LoginException expected) {
            return;
        }
        try {
            LoginReplyDecoder.decode(reply);
        } catch (LoginException expected) {
            assertThat(expected.failure()).isNotNull();
        }
    }
}
