package slnet.world;

import java.util.UUID;

/**
 * A sound attached to an object ({@code llLoopSound} and the like).
 *
 * @param soundId the sound asset
 * @param gain 0..1
 * @param flags loop 0x01, sync master 0x02, sync slave 0x04, sync pending 0x08, queue 0x10, stop 0x20
 * @param radius meters
 */
public record ObjectSound(UUID soundId, float gain, int flags, float radius) {
}
