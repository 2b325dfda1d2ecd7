package slnet.world;

/**
 * Text floating over an object ({@code llSetText}).
 *
 * @param text the text
 * @param red 0..255
 * @param green 0..255
 * @param blue 0..255
 * @param alpha 0..255 (255 opaque); the wire carries {@code 255 - alpha}, undone here
 */
public record HoverText(String text, int red, int green, int blue, int alpha) {
}
