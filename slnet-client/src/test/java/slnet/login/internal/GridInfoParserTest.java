package slnet.login.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import slnet.login.GridInfo;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.protocol.internal.StandardErrorRecorder;

class GridInfoParserTest {

    @Test
    void readsTheLoginUriAndName() throws LoginException {
        GridInfo info = GridInfoParser.parse(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><gridinfo>"
                + "<gridname>Caf\u00e9 Grid</gridname><login>http://grid.example:8002/</login></gridinfo>")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(info.gridName()).isEqualTo("Caf\u00e9 Grid");
        assertThat(info.loginUri()).isEqualTo(URI.create("http://grid.example:8002/"));
    }

    @Test
    void malformedBytesAreAMalformedResponseAndPrintNothing() throws Throwable {
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes("<gridinfo><gridname>x".getBytes(StandardCharsets.UTF_8));
        bad.write(0xC3); // a two-byte sequence cut short by '<'
        bad.writeBytes("</gridname><login>http://grid.example/</login></gridinfo>".getBytes(StandardCharsets.UTF_8));
        String printed = StandardErrorRecorder.during(() ->
                assertThatThrownBy(() -> GridInfoParser.parse(bad.toByteArray())).isInstanceOf(LoginException.class)
                        .satisfies(e -> assertThat(((LoginException) e).failure())
                                .isEqualTo(LoginFailure.MALFORMED_RESPONSE)));
        assertThat(printed).isEmpty();
    }
}
