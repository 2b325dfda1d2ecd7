package slnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImDialogTest {
    /** The values llinstantmessage.h leaves undefined below its last one (42). */
    private static final Set<Integer> UNDEFINED = Set.of(2, 29, 30);

    @Test
    void everyDialogValueHasATypeOrIsUnknownAndKeepsItsRawValue() {
        EnumSet<ImDialog> seen = EnumSet.noneOf(ImDialog.class);
        for (int code = 0; code < 256; code++) {
            InstantMessage im = new InstantMessage(UUID.randomUUID(), "A B", UUID.randomUUID(), "x", code,
                    UUID.randomUUID(), false, Instant.EPOCH);
            ImDialog type = im.dialogType();
            seen.add(type);
            assertThat(im.dialog()).isEqualTo(code);
            if (code <= 42 && !UNDEFINED.contains(code)) {
                assertThat(type).as("dialog %d", code).isNotEqualTo(ImDialog.UNKNOWN);
                assertThat(type.code()).isEqualTo(code);
            } else {
                assertThat(type).as("dialog %d", code).isEqualTo(ImDialog.UNKNOWN);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(ImDialog.values());
    }

    @Test
    void outOfRangeValuesAreUnknown() {
        assertThat(ImDialog.of(-1)).isEqualTo(ImDialog.UNKNOWN);
        assertThat(ImDialog.of(1000)).isEqualTo(ImDialog.UNKNOWN);
        assertThat(ImDialog.of(22)).isEqualTo(ImDialog.LURE_USER);
        assertThat(ImDialog.of(38)).isEqualTo(ImDialog.FRIENDSHIP_OFFERED);
    }
}
