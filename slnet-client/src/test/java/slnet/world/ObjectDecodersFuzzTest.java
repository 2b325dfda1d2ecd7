package slnet.world;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import slnet.protocol.types.Bytes;

/**
 * Fuzz target for the object decoders: any bytes, read as a compressed update, a motion block, a
 * terse update, a texture entry or extra parameters, give a value or an {@link ObjectDecodeException}.
 * The first byte picks the decoder; the second and third, the compressed update's flags.
 */
class ObjectDecodersFuzzTest {

    @FuzzTest(maxDuration = "0s")
    void decoders(byte[] input) {
        if (input.length < 3) {
            return;
        }
        Bytes rest = Bytes.copyOf(Arrays.copyOfRange(input, 3, input.length));
        int flags = (input[1] & 0xFF) | (input[2] & 0xFF) << 8;
        try {
            switch ((input[0] & 0xFF) % 5) {
                case 0 -> ObjectUpdateDecoder.decodeCompressed(1L << 40, flags, rest);
                case 1 -> ObjectMotions.decodeFull(rest);
                case 2 -> ObjectMotions.decodeTerse(rest);
                case 3 -> TextureEntry.decode(rest);
                default -> ExtraParams.decode(rest);
            }
        } catch (ObjectDecodeException expected) {
            // the one failure allowed
        }
    }
}
