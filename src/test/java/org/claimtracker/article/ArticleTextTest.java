package org.claimtracker.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.claimtracker.core.ApiProblem;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void offsetsCountCodePoints() {
        String text = "\uD83D\uDCF0 a b a";
        assertEquals(List.of(2, 6), ArticleText.occurrences(text, "a"));
        assertEquals(new ArticleText.Span(4, 5), ArticleText.locate(text, "b", null, null, null, "q", "start"));
    }

    @Test
    void overlappingOccurrencesAreAllFound() {
        assertEquals(List.of(0, 1, 2), ArticleText.occurrences("aaaa", "aa"));
    }

    @Test
    void anAmbiguousQuoteNeedsStartOrOccurrence() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> ArticleText.locate("x y x", "x", null, null, null, "q", "s"));
        assertEquals("s", problem.field());
        assertEquals(new ArticleText.Span(4, 5), ArticleText.locate("x y x", "x", null, null, 2, "q", "s"));
        assertEquals(new ArticleText.Span(4, 5), ArticleText.locate("x y x", "x", 4, null, null, "q", "s"));
        assertEquals("q", assertThrows(ApiProblem.class,
                () -> ArticleText.locate("x y x", "x", null, null, 3, "q", "s")).field());
    }

    @Test
    void lineEndingsAreNormalisedAndTheHashIsStable() {
        assertEquals("a\nb\nc", ArticleText.normalise("a\r\nb\rc"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ArticleText.contentHash("hello"));
    }
}
