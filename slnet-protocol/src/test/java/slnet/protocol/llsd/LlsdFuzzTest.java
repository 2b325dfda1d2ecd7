package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import slnet.protocol.internal.StandardErrorRecorder;

/**
 * Fuzz targets for the three LLSD parsers: any bytes give a value or an {@link LlsdException}; a
 * value formats and parses back to itself in the same format. The XML parser also prints nothing.
 */
class LlsdFuzzTest {

    @FuzzTest(maxDuration = "0s")
    void xml(byte[] input) throws Throwable {
        Llsd[] parsed = new Llsd[1];
        // A parser that prints to the process's standard error fails too: the JDK's reader once did.
        String printed = StandardErrorRecorder.during(() -> {
            try {
                parsed[0] = LlsdXml.parse(input);
            } catch (LlsdException expected) {
                // the one failure allowed
            }
        });
        assertThat(printed).as("printed to standard error").isEmpty();
        Llsd value = parsed[0];
        if (value == null) {
            return;
        }
        try {
            assertThat(LlsdXml.parse(LlsdXml.formatBytes(value))).isEqualTo(value);
        } catch (LlsdException e) {
            throw new AssertionError("formatted XML does not parse back: " + e.getMessage(), e);
        }
    }

    @FuzzTest(maxDuration = "0s")
    void binary(byte[] input) {
        Llsd value;
        try {
            value = LlsdBinary.parse(input);
        } catch (LlsdException expected) {
            return;
        }
        try {
            assertThat(LlsdBinary.parse(LlsdBinary.format(value))).isEqualTo(value);
        } catch (LlsdException e) {
            throw new AssertionError("formatted binary does not parse back: " + e.getMessage(), e);
        }
    }

    @FuzzTest(maxDuration = "0s")
    void notation(byte[] input) {
        Llsd value;
        try {
            value = LlsdNotation.parse(input);
        } catch (LlsdException expected) {
            return;
        }
        try {
            assertThat(LlsdNotation.parse(LlsdNotation.formatBytes(value))).isEqualTo(value);
        } catch (LlsdException e) {
            throw new AssertionError("formatted notation does not parse back: " + e.getMessage(), e);
        }
    }
}
