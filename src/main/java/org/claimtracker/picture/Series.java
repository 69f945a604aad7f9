package org.claimtracker.picture;

import org.claimtracker.position.Position;

/**
 * What one colour of a bar or column chart stands for: its key (a CSS class, {@code series-KEY}),
 * the words of the legend, the fill, the ink drawn on it and a one-character code drawn on every part
 * wide enough to hold it, so that colour is never the only cue.
 */
public record Series(String key, String label, String fill, String ink, String code) {

    /** A position in the one palette (Palette.of(Position)), coded by its initial (contested: X). */
    public static Series of(Position position) {
        Palette p = Palette.of(position);
        return new Series(position.name(), label(position), p.fill, p.ink(), code(position));
    }

    /** A position's words: its name with spaces. */
    public static String label(Position position) {
        return position.name().replace('_', ' ');
    }

    /** The letter drawn on a position's part of a bar. */
    public static String code(Position position) {
        return switch (position) {
            case denied -> "D";
            case confirmed -> "C";
            case partially_confirmed -> "P";
            case unresolved -> "U";
            case withdrawn -> "W";
            case contested -> "X";
        };
    }
}
