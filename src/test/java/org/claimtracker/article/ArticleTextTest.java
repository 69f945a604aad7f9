package org.claimtracker.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aQuoteThatDiffersOnlyTypographicallyIsRefusedWithThePassageItNearlyMatches() {
        String text = "Konashenkov said:\u00a0\u201cThe \u2018strikes\u2019 were\n  precise \u2013 all of them.\u201d \ud83d\udca5 End.";
        String typed = "\"The 'strikes' were precise - all of them.\"";
        ArticleText.QuoteNotFound refused = assertThrows(ArticleText.QuoteNotFound.class,
                () -> ArticleText.locate(text, typed, null, null, null, "quote", "start"));
        int start = text.indexOf('\u201c');
        String passage = text.substring(start, text.indexOf('\u201d') + 1);
        assertEquals(passage, refused.passage());
        assertEquals(new ArticleText.Span(start, start + passage.length()), refused.span());
        assertEquals(422, refused.status());
        assertEquals("quote", refused.field());
        assertTrue(refused.getMessage().contains("at " + start + "\u2013" + (start + passage.length())), refused.getMessage());
        // The passage it names is found verbatim: quoting it as suggested succeeds.
        assertEquals(refused.span(), ArticleText.locate(text, passage, null, null, null, "quote", "start"));
        // Offsets are code points: after a character outside the BMP they are one less than char indexes.
        String after = "\ud83d\udca5 End.";
        ArticleText.QuoteNotFound late = assertThrows(ArticleText.QuoteNotFound.class,
                () -> ArticleText.locate(text, "\ud83d\udca5  End.", null, null, null, "quote", "start"));
        int cp = text.codePointCount(0, text.indexOf(after));
        assertEquals(new ArticleText.Span(cp, cp + 6), late.span());
        // Words that differ are not "nearly" there: no passage is offered.
        ArticleText.QuoteNotFound other = assertThrows(ArticleText.QuoteNotFound.class,
                () -> ArticleText.locate(text, "The strikes were imprecise", null, null, null, "quote", "start"));
        assertNull(other.passage());
        assertEquals("The quote is not found verbatim in the article text", other.getMessage());
    }
}
