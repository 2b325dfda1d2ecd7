package slnet.caps;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdBinary;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.messages.Messages;

/**
 * Fuzz target for the event-queue body mapper: any LLSD body, under any event name the template
 * routes over the event queue, gives an event or an {@link LlsdMessageException}.
 */
class LlsdMessageMapperFuzzTest {
    private static final LlsdMessageMapper MAPPER = LlsdMessageMapper.standard();
    private static final List<String> NAMES = Messages.REGISTRY.all().stream().filter(MessageDescriptor::eventQueue)
            .map(MessageDescriptor::name).toList();

    @FuzzTest(maxDuration = "0s")
    void eventBody(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String name = NAMES.get((input[0] & 0xFF) % NAMES.size());
        Llsd body;
        try {
            body = LlsdBinary.parse(java.util.Arrays.copyOfRange(input, 1, input.length));
        } catch (LlsdException notLlsd) {
            return;
        }
        try {
            MAPPER.toEvent(name, body);
        } catch (LlsdMessageException expected) {
            // the one failure allowed
        }
    }
}
