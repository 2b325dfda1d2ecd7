package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineInputTest {

    @Test
    void splitsOnNewlineDropsCarriageReturnAndCutsLongLines() throws IOException {
        LineInput lines = new LineInput(new StringReader("ab\r\n\nabcdefgh\nlast"), 4);
        assertThat(lines.next()).isEqualTo("ab");
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("abcde").hasSizeGreaterThan(4);
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }
}
