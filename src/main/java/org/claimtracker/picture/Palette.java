package org.claimtracker.picture;

import java.util.Locale;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;

/**
 * The one stance palette of the tracker: the colour, the one-letter code and the words of every
 * stance (and of a claim being made), used by every picture and, through the {@code --stance-*}
 * custom properties of {@code admin.css} (PaletteTest holds the two equal), by the badges.
 * <p>
 * The colours are Okabe and Ito's colour-blind-safe set with two changes (a wine purple for
 * counter-attribution, a light grey for declining to comment) and white for claims. Checked in
 * PaletteTest against simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009, full
 * severity): the smallest CIEDE2000 difference between any two entries is 15.4 in normal vision,
 * 13.5 under protanopia, 11.6 under deuteranopia (asserts/assessing) and 12.1 under tritanopia
 * (confirms/partially confirms). Colour is never the only cue: every mark carries its code, claims
 * are squares and responses circles, and the legend and each mark's title say the stance in words.
 */
public enum Palette {
    CLAIM(null, "#FFFFFF", "", "claim made"),
    ASSERTS(Stance.asserts, "#E69F00", "A", "asserts"),
    CONFIRMS(Stance.confirms, "#009E73", "C", "confirms"),
    PARTIALLY_CONFIRMS(Stance.partially_confirms, "#56B4E9", "P", "partially confirms"),
    ACKNOWLEDGES(Stance.acknowledges, "#0072B2", "K", "acknowledges"),
    ASSESSING(Stance.assessing, "#F0E442", "?", "assessing"),
    DENIES(Stance.denies, "#D55E00", "D", "denies"),
    COUNTER_ATTRIBUTES(Stance.counter_attributes, "#AA3377", "X", "counter-attributes"),
    DECLINES_COMMENT(Stance.declines_comment, "#BBBBBB", "-", "declines comment"),
    RETRACTS(Stance.retracts, "#000000", "R", "retracts");

    /** The stance drawn, or null for a claim being made. */
    public final Stance stance;
    /** The fill, as #RRGGBB. */
    public final String fill;
    /** One character drawn on the mark. */
    public final String code;
    /** The words a legend or a title uses. */
    public final String label;

    Palette(Stance stance, String fill, String code, String label) {
        this.stance = stance;
        this.fill = fill;
        this.code = code;
        this.label = label;
    }

    public static Palette of(Stance stance) {
        for (Palette p : values()) {
            if (p.stance == stance) {
                return p;
            }
        }
        throw new IllegalArgumentException("no colour for stance " + stance);
    }

    /**
     * The colour of a position: the colour of the stance that leads to it (unresolved: declining to
     * comment; withdrawn: retracting; contested, where parties in scope disagree: the wine purple of
     * counter-attribution). A position is always shown with its name beside the colour.
     */
    public static Palette of(Position position) {
        return switch (position) {
            case denied -> DENIES;
            case confirmed -> CONFIRMS;
            case partially_confirmed -> PARTIALLY_CONFIRMS;
            case unresolved -> DECLINES_COMMENT;
            case withdrawn -> RETRACTS;
            case contested -> COUNTER_ATTRIBUTES;
        };
    }

    /** The name of its CSS custom property and class: the stance's name, or {@code claim}. */
    public String cssName() {
        return stance == null ? "claim" : stance.name().replace('_', '-');
    }

    /** Black or white, whichever stands out more on the fill (at least 4.5:1 for every entry). */
    public String ink() {
        return contrast(fill, "#000000") >= contrast(fill, "#FFFFFF") ? "#000000" : "#FFFFFF";
    }

    /** WCAG 2 relative luminance of #RRGGBB. */
    public static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** WCAG 2 contrast ratio of two #RRGGBB colours. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
