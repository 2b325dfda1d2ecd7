package slnet.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import slnet.login.internal.LoginRequestFactory;

class LoginCredentialsTest {

    @Test
    void passwordIsHashedAsTheViewerDoes() {
        assertThat(PasswordHasher.toLoginHash("password", 16)).isEqualTo("$1$5f4dcc3b5aa765d61d8327deb882cf99");
        // the viewer never lets more than 16 characters reach the hash on Second Life
        assertThat(PasswordHasher.toLoginHash("0123456789abcdefEXTRA", 16))
                .isEqualTo(PasswordHasher.toLoginHash("0123456789abcdef", 0));
        assertThat(PasswordHasher.toLoginHash("0123456789abcdefEXTRA", 0))
                .isNotEqualTo(PasswordHasher.toLoginHash("0123456789abcdef", 0));
        assertThat(PasswordHasher.toLoginHash("$1$5F4DCC3B5AA765D61D8327DEB882CF99", 16))
                .isEqualTo("$1$5f4dcc3b5aa765d61d8327deb882cf99");
    }

    @Test
    void requestCarriesEveryViewerParameter() {
        LoginCredentials c = LoginCredentials.of("Test", "User", "password")
                .withGrid(Grid.OPENSIM_LOCAL)
                .withStartLocation(StartLocation.region("Da Boom", 128, 64.5, 20));
        Map<String, Object> p = LoginRequestFactory.parameters(c);
        assertThat(p).containsKeys("first", "last", "passwd", "start", "channel", "version", "platform",
                "platform_version", "platform_string", "mac", "id0", "host_id", "agree_to_tos", "read_critical",
                "address_size", "extended_errors", "last_exec_event", "mfa_hash", "token", "options");
        assertThat(p.get("passwd")).isEqualTo("$1$5f4dcc3b5aa765d61d8327deb882cf99");
        assertThat(p.get("start")).isEqualTo("uri:Da Boom&128&64.5&20");
        assertThat(p.get("options")).isEqualTo(LoginCredentials.DEFAULT_OPTIONS);
        assertThat(p.get("agree_to_tos")).isEqualTo(false);
    }

    @Test
    void toStringMasksSecrets() {
        LoginCredentials c = LoginCredentials.of("Test", "User", "hunter2-secret").toBuilder()
                .mfaToken("123456").mfaHash("stored-hash-value").build();
        assertThat(c.toString()).doesNotContain("hunter2", "123456", "stored-hash-value").contains("Test User");
    }

    @Test
    void buildValidates() {
        assertThatThrownBy(() -> LoginCredentials.of("Two Words", "User", "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first name");
        assertThatThrownBy(() -> LoginCredentials.of("Test", "", "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last name");
        assertThatThrownBy(() -> LoginCredentials.of("Test", "User", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> LoginCredentials.of("Test", "User", "pw\u0000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> StartLocation.region("a&b", 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grid("x", URI.create("ftp://h/"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthenticationService.builder().maxRedirects(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInGrids() {
        assertThat(Grid.SECOND_LIFE.loginUri()).hasToString("https://login.agni.lindenlab.com/cgi-bin/login.cgi");
        assertThat(Grid.SECOND_LIFE_BETA.loginUri()).hasToString("https://login.aditi.lindenlab.com/cgi-bin/login.cgi");
        assertThat(Grid.OPENSIM_LOCAL.loginUri()).hasToString("http://127.0.0.1:9000/");
        assertThat(Grid.custom(URI.create("http://grid.example:8002/")).name()).isEqualTo("grid.example");
        assertThat(StartLocation.LAST.toLoginString()).isEqualTo("last");
        assertThat(StartLocation.HOME.toLoginString()).isEqualTo("home");
    }
}
