package slnet.login.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.login.LocalVector;
import slnet.login.LoginException;
import slnet.login.SessionInfo;
import slnet.login.xmlrpc.LlsdPlainValues;
import slnet.login.xmlrpc.XmlRpcNil;
import slnet.protocol.llsd.LlsdLimits;

class LlsdPlainValuesTest {

    @Test
    void loginParametersSurviveLlsdXml() throws Exception {
        Map<String, Object> params = Map.of("first", "A", "n", 3, "flag", true, "r", 2.5,
                "options", List.of("inventory-root", "buddy-list"), "nil", XmlRpcNil.NIL,
                "id", UUID.fromString("11111111-2222-3333-4444-555555555555"));
        Object back = LlsdLoginCodec.decode(LlsdLoginCodec.encode(params), LlsdLimits.DEFAULT);
        assertThat(back).isEqualTo(params);
    }

    @Test
    void llsdReplyWithTypedValuesDecodes() throws Exception {
        Map<String, Object> reply = new java.util.HashMap<>(LoginReplyDecoderTest.success());
        reply.put("agent_id", LoginReplyDecoderTest.AGENT);
        reply.put("look_at", List.of(0.5, 0.5, 0.0));
        reply.put("home", Map.of("region_handle", List.of(256000.0, 256256.0),
                "position", List.of(1.0, 2.0, 3.0), "look_at", List.of(1.0, 0.0, 0.0)));
        Object decoded = LlsdLoginCodec.decode(LlsdLoginCodec.encode(reply), LlsdLimits.DEFAULT);
        SessionInfo s = ((LoginReply.Accepted) LoginReplyDecoder.decode(decoded)).session();
        assertThat(s.agentId()).isEqualTo(LoginReplyDecoderTest.AGENT);
        assertThat(s.lookAt()).isEqualTo(new LocalVector(0.5, 0.5, 0));
        assertThat(s.home()).hasValueSatisfying(h -> assertThat(h.position()).isEqualTo(new LocalVector(1, 2, 3)));
    }

    @Test
    void nonLlsdReplyIsMalformed() {
        assertThatThrownBy(() -> LlsdLoginCodec.decode("<html/>".getBytes(StandardCharsets.UTF_8), LlsdLimits.DEFAULT))
                .isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> LlsdPlainValues.fromPlain(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void homeNotationWithSpacesAndIntegers() {
        assertThat(HomeNotationParser.parseHome(
                "{'region_handle':[r256000, r256000], 'position':[r128.5, r128, r20], 'look_at':[r1, r0, r0]}"))
                .hasValueSatisfying(h -> {
                    assertThat(h.regionX()).isEqualTo(256000);
                    assertThat(h.position()).isEqualTo(new LocalVector(128.5, 128, 20));
                });
        assertThat(HomeNotationParser.parseHome("{'region_handle':[i256, i512], 'position':[i1, i2, i3]}"))
                .hasValueSatisfying(h -> assertThat(h.lookAt()).isEqualTo(LocalVector.ZERO));
        assertThat(HomeNotationParser.parseHome("{'region_handle':[r-1, r0], 'position':[r1,r2,r3]}")).isEmpty();
        assertThat(HomeNotationParser.parseVector("[r0.99, r0.1, r0]")).contains(new LocalVector(0.99, 0.1, 0));
    }
}
