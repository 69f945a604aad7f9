package org.claimtracker.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The selectors' rules on plain text, without the tracker: code points, context, nearest place, limits. */
class PassageFinderTest {

    private static final String TEXT = "\uD83D\uDE00 aa aa \uD83D\uDE00 aa";

    @Test
    void placesCountCodePointsAndOverlap() {
        assertEquals(List.of(2, 5, 10), PassageFinder.occurrences(TEXT, "aa"));
        assertEquals(List.of(0, 1, 2), PassageFinder.occurrences("aaaa", "aa"));
        assertEquals(List.of(), PassageFinder.occurrences(TEXT, "bb"));
        assertEquals("aa \uD83D\uDE00", PassageFinder.slice(TEXT, 5, 9));
    }

    @Test
    void aPositionHoldingTheQuoteWins() {
        PassageFinder.Found found = PassageFinder.find(TEXT, new PassageFinder.Quote("aa", null, null),
                new PassageFinder.Position(5, 7));
        assertEquals("resolved", found.reason());
        assertEquals(5, found.start());
        assertEquals(7, found.end());
    }

    @Test
    void prefixAndSuffixChooseAmongRepeatedWordsThenTheNearestPlace() {
        PassageFinder.Found bySuffix = PassageFinder.find(TEXT, new PassageFinder.Quote("aa", "aa ", " \uD83D\uDE00"), null);
        assertEquals(5, bySuffix.start());
        PassageFinder.Found byPrefix = PassageFinder.find(TEXT, new PassageFinder.Quote("aa", "\uD83D\uDE00 ", null), null);
        assertFalse(byPrefix.resolved(), "two places follow the emoji and a space");
        assertEquals("ambiguous_quote", byPrefix.reason());
        PassageFinder.Found nearest = PassageFinder.find(TEXT, new PassageFinder.Quote("aa", "\uD83D\uDE00 ", null),
                new PassageFinder.Position(9, 11));
        assertEquals("position_corrected", nearest.reason());
        assertEquals(10, nearest.start());
    }

    @Test
    void whatCannotBeFoundSaysWhy() {
        assertEquals("no_selector", PassageFinder.find(TEXT, null, null).reason());
        assertEquals("position_out_of_range", PassageFinder.find(TEXT, null, new PassageFinder.Position(3, 99)).reason());
        assertEquals("position_out_of_range", PassageFinder.find(TEXT, null, new PassageFinder.Position(4, 4)).reason());
        PassageFinder.Found missing = PassageFinder.find(TEXT, new PassageFinder.Quote("bb", null, null),
                new PassageFinder.Position(2, 4));
        assertEquals("quote_not_found", missing.reason());
        assertTrue(missing.detail().contains("hold \"aa\""), missing.detail());
        String longText = "x".repeat(5000);
        assertEquals("too_long", PassageFinder.find(longText, null, new PassageFinder.Position(0, 4500)).reason());
        assertEquals("too_long", PassageFinder.find(longText, new PassageFinder.Quote("x".repeat(4001), null, null), null)
                .reason());
    }
}
