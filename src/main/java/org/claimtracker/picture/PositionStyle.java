package org.claimtracker.picture;

import org.claimtracker.position.Position;

/**
 * How a position is drawn in the matrix and the map: its colour is the {@link Palette}'s colour of
 * that position (the one palette of the tracker), and a letter and words go with it so that colour
 * is never the only cue. {@link #MIXED} is a map mark whose accused parties hold different positions
 * (drawn like contested), {@link #NONE} one whose claims name no accused party.
 */
public enum PositionStyle {
    DENIED(Position.denied, "D", "denied"),
    CONFIRMED(Position.confirmed, "C", "confirmed"),
    PARTIALLY_CONFIRMED(Position.partially_confirmed, "P", "partially confirmed"),
    UNRESOLVED(Position.unresolved, "U", "left unresolved"),
    WITHDRAWN(Position.withdrawn, "W", "withdrawn"),
    MIXED(Position.contested, "M", "positions differ"),
    NONE(null, "", "no party accused");

    /** The position drawn (contested for {@link #MIXED}), or null. */
    public final Position position;
    public final String code;
    public final String label;

    PositionStyle(Position position, String code, String label) {
        this.position = position;
        this.code = code;
        this.label = label;
    }

    public Palette palette() {
        return position == null ? Palette.CLAIM : Palette.of(position);
    }

    public String fill() {
        return palette().fill;
    }

    public String ink() {
        return palette().ink();
    }

    /** The style of a position; a null position (nobody answered yet) is unresolved. */
    public static PositionStyle of(Position position) {
        if (position == null) {
            return UNRESOLVED;
        }
        return switch (position) {
            case denied -> DENIED;
            case confirmed -> CONFIRMED;
            case partially_confirmed -> PARTIALLY_CONFIRMED;
            case unresolved -> UNRESOLVED;
            case withdrawn -> WITHDRAWN;
            case contested -> MIXED;
        };
    }

    /** The CSS-friendly name used in class names. */
    public String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
