package org.hindcast.ingestion;

/**
 * One character as a page places it: {@code x} and {@code y} of its left edge and baseline, in points from the
 * page's top-left corner, its advance {@code width} and its font {@code size}.
 */
public record Glyph(float x, float y, float width, float size, String text) {

    public float end() {
        return x + width;
    }
}
