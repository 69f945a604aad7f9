package org.claimtracker.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;
import org.junit.jupiter.api.Test;

/**
 * The stance palette is told apart by people with colour-blindness: every pair of entries is
 * compared (CIEDE2000) in normal vision and under simulated protanopia, deuteranopia and
 * tritanopia (the matrices of Machado, Oliveira and Fernandes 2009 at full severity, applied to
 * linear RGB). Measured for the palette as it stands:
 *
 * <pre>
 * vision        smallest CIEDE2000   between
 * normal        15.4                 claim / declines comment
 * protanopia    13.5                 acknowledges / counter-attributes
 * deuteranopia  11.6                 asserts / assessing
 * tritanopia    12.1                 confirms / partially confirms
 * </pre>
 *
 * The test holds every vision at 11 or more (a difference of about 10 is plainly seen on marks of
 * this size; 2.3 is the just-noticeable difference). The palette also lives in admin.css, whose
 * custom properties must carry the same colours and inks.
 */
class PaletteTest {

    /** Machado et al. (2009), severity 1.0, for linear RGB. */
    private static final Map<String, double[][]> VISIONS = new LinkedHashMap<>();

    static {
        VISIONS.put("normal", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        VISIONS.put("protanopia", new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                {-0.003882, -0.048116, 1.051998}});
        VISIONS.put("deuteranopia", new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                {-0.011820, 0.042940, 0.968881}});
        VISIONS.put("tritanopia", new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                {0.004733, 0.691367, 0.303900}});
    }

    private static final double LEAST = 11.0;

    @Test
    void everyPairOfColoursStaysApartUnderEachSimulatedColourBlindness() {
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, double[][]> vision : VISIONS.entrySet()) {
            double least = Double.MAX_VALUE;
            String pair = "";
            Palette[] all = Palette.values();
            for (int i = 0; i < all.length; i++) {
                for (int j = i + 1; j < all.length; j++) {
                    double d = ciede2000(lab(simulate(all[i].fill, vision.getValue())), lab(simulate(all[j].fill, vision.getValue())));
                    if (d < least) {
                        least = d;
                        pair = all[i] + "/" + all[j];
                    }
                }
            }
            report.append(String.format(Locale.ROOT, "%-13s %5.1f %s%n", vision.getKey(), least, pair));
            assertTrue(least >= LEAST, vision.getKey() + ": " + pair + " differ by only " + least);
        }
        System.out.print("Stance palette, smallest CIEDE2000 per vision:\n" + report);
    }

    @Test
    void theColourDifferenceIsComputedAsPublished() {
        // Sharma, Wu and Dalal (2005), test data pairs 1 and 7.
        assertEquals(2.0425, ciede2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, ciede2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
    }

    @Test
    void everyStanceAndPositionHasItsEntryAndEveryEntryItsOwnCodeAndReadableInk() {
        for (Stance s : Stance.values()) {
            assertEquals(s, Palette.of(s).stance);
        }
        Set<Palette> byPosition = EnumSet.noneOf(Palette.class);
        for (Position p : Position.values()) {
            byPosition.add(Palette.of(p));
        }
        assertEquals(Position.values().length, byPosition.size(), "two positions share a colour");
        Set<String> codes = new HashSet<>();
        for (Palette p : Palette.values()) {
            assertTrue(p == Palette.CLAIM || codes.add(p.code), "code used twice: " + p.code);
            assertTrue(Palette.contrast(p.fill, p.ink()) >= 4.5, p + ": its code is hard to read");
        }
    }

    @Test
    void theStylesheetCarriesTheSameColours() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/static/admin.css"));
        for (Palette p : Palette.values()) {
            assertEquals(p.fill, property(css, "--stance-" + p.cssName()), p.cssName());
            assertEquals(p.ink(), property(css, "--stance-" + p.cssName() + "-ink"), p.cssName() + " ink");
        }
        for (Position position : Position.values()) {
            assertTrue(css.contains(".badge." + position.name() + " { background: var(--stance-" + Palette.of(position).cssName() + ")"),
                    "the " + position + " badge does not take its palette colour");
        }
    }

    private static String property(String css, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + ":\\s*(#[0-9A-Fa-f]{6});").matcher(css);
        return m.find() ? m.group(1) : null;
    }

    private static double[] simulate(String hex, double[][] m) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.min(1, Math.max(0, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        }
        return out;
    }

    /** CIELAB (D65) of a linear RGB colour. */
    private static double[] lab(double[] rgb) {
        double x = (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047;
        double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
        double z = (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    /** CIEDE2000 (kL = kC = kH = 1). */
    static double ciede2000(double[] one, double[] two) {
        double l1 = one[0], a1 = one[1], b1 = one[2], l2 = two[0], a2 = two[1], b2 = two[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cBar, 7) / (Math.pow(cBar, 7) + Math.pow(25, 7))));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p), h2p = hue(b2, a2p);
        double dLp = l2 - l1, dCp = c2p - c1p;
        double dhp = 0;
        if (c1p * c2p != 0) {
            dhp = h2p - h1p;
            if (dhp > 180) {
                dhp -= 360;
            } else if (dhp < -180) {
                dhp += 360;
            }
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
        double lBarP = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (c1p * c2p == 0) {
            hBarP = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBarP = (h1p + h2p) / 2;
        } else {
            hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hBarP - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBarP))
                + 0.32 * Math.cos(Math.toRadians(3 * hBarP + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBarP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cBarP, 7) / (Math.pow(cBarP, 7) + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBarP - 50, 2) / Math.sqrt(20 + Math.pow(lBarP - 50, 2));
        double sc = 1 + 0.045 * cBarP;
        double sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dLp / sl, 2) + Math.pow(dCp / sc, 2) + Math.pow(dHp / sh, 2) + rt * (dCp / sc) * (dHp / sh));
    }

    private static double hue(double b, double a) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }
}
