package slnet.world;

import java.util.UUID;

/**
 * One face's texture settings, as {@link TextureEntry} resolves them (the default face's values
 * with this face's overrides applied).
 *
 * @param index the face number, or -1 for the default face
 * @param textureId the texture
 * @param red 0..1
 * @param green 0..1
 * @param blue 0..1
 * @param alpha 0..1 (1 opaque)
 * @param repeatU texture repeats across
 * @param repeatV texture repeats up
 * @param offsetU -1..1
 * @param offsetV -1..1
 * @param rotation radians
 * @param bump bump map code (low 5 bits of the material byte)
 * @param shiny 0..3 (top 2 bits)
 * @param fullbright whether lit at full brightness (bit 0x20)
 * @param mediaFlags the media byte: 0x01 has media, 0x06 texture generation mode
 * @param glow 0..1
 * @param materialId the render material, or null when the entry carried none
 */
public record TextureFace(int index, UUID textureId, float red, float green, float blue, float alpha,
                          float repeatU, float repeatV, float offsetU, float offsetV, float rotation,
                          int bump, int shiny, boolean fullbright, int mediaFlags, float glow, UUID materialId) {
}
