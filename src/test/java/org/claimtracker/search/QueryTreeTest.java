package org.claimtracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading back PostgreSQL's text of a tsquery, and the choice between the index and reading in order. */
class QueryTreeTest {

    private static final Map<String, Double> SHARES = Map.of("deir", 0.08, "ez", 0.08, "zor", 0.08, "civilian", 0.45,
            "qasr", 0.0001, "hospit", 0.02, "aleppo", 0.05);

    private static double share(String text) {
        return QueryTree.parse(text).share(w -> SHARES.getOrDefault(w, 0.00001));
    }

    @Test
    void heldWordsLeaveOutTheExcludedAndNearSkipsShortOnes() {
        QueryTree tree = QueryTree.parse("( 'strike' | 'al' ) & !( 'coalit' | 'coalition' ) & 'air' <-> 'base'");
        assertEquals(Set.of("strike", "al", "air", "base"), tree.held());
        assertEquals("strike air base", SearchService.near(tree));
        assertEquals("", SearchService.near(null));
        assertEquals("", SearchService.near(QueryTree.parse("!'coalit'")));
    }

    @Test
    void readsWhatTrackerSearchQueryPrints() {
        // Texts as tracker_search_query(q)::text prints them (psql, PostgreSQL 15).
        assertEquals(Set.of("deir", "ez", "zor", "ezzor"),
                QueryTree.parse("'deir' & 'ez' & 'zor' | 'deir' & 'ez' & 'zor' | 'deir' & 'ezzor'").words());
        assertEquals(Set.of("strike", "coalit", "coalition"),
                QueryTree.parse("( 'strike' | 'strike' ) & !( 'coalit' | 'coalition' )").words());
        assertEquals(Set.of("air", "strike", "aleppo"), QueryTree.parse("'air' <-> 'strike' & 'aleppo'").words());
        assertEquals(Set.of("o'brien", "back\\slash", "near", "far"),
                QueryTree.parse("'o''brien' & 'back\\\\slash' | 'near' <3> 'far':*").words());
        assertNull(QueryTree.parse(""));
        assertNull(QueryTree.parse(null));
        assertThrows(IllegalArgumentException.class, () -> QueryTree.parse("'open"));
        assertThrows(IllegalArgumentException.class, () -> QueryTree.parse("( 'a' & 'b'"));
        assertThrows(IllegalArgumentException.class, () -> QueryTree.parse("'a' 'b'"));
    }

    @Test
    void aQuerysShareIsBoundedByItsRarerWordAndTheSumOfItsAlternatives() {
        // Words that occur together (a place name): the rarer word's share, not their product.
        assertEquals(0.08, share("'deir' & 'ez' & 'zor'"), 1e-9);
        assertEquals(0.08, share("'deir' <-> 'ez' <-> 'zor'"), 1e-9);
        assertEquals(0.45 + 0.02, share("'civilian' | 'hospit'"), 1e-9);
        assertEquals(1.0, share("'civilian' | 'civilian' | 'civilian'"), 1e-9);
        // An exclusion: the rows without the word, taken as an estimate.
        assertEquals(0.45, share("'civilian' & !'aleppo'"), 1e-9);
        assertEquals(0.55, share("!'civilian'"), 1e-9);
        assertEquals(0.0, share("'hospit' & !( 'civilian' | 'civilian' | 'civilian' )"), 1e-9);
    }

    @Test
    void aKindIsReadInOrderOnlyWhenThatIsFarCheaperThanTheIndex() {
        WordFrequencies.Table claims = new WordFrequencies.Table(1_000_000, SHARES, 0.0002);
        // A common word, and a place name of common words: the window fills within a few thousand rows.
        assertTrue(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'civilian'"), 200, claims));
        assertTrue(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'deir' & 'ez' & 'zor'"), 200, claims));
        // A rare name: the index; two words that may seldom meet: the index, whose cost is bounded.
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'qasr'"), 200, claims));
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'hospit' & 'aleppo'"), 200, claims));
        // A common word without one nearly every row holds: few rows match, the index.
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'civilian' & !( 'deir' | 'ez' )"), 200,
                new WordFrequencies.Table(1_000_000, Map.of("civilian", 0.5, "deir", 0.99, "ez", 0.99), 0.0002)));
        // A word missing from the statistics is rarer than the rarest listed.
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'konashenkov'"), 200, claims));
        // No statistics, a small table, a small kind: the planner's choice stands.
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'civilian'"), 200, null));
        assertFalse(WordFrequencies.readInOrder(SearchKind.claim, QueryTree.parse("'civilian'"), 200,
                new WordFrequencies.Table(5_000, SHARES, 0.0002)));
        WordFrequencies frequencies = new WordFrequencies();
        assertFalse(frequencies.readInOrder(SearchKind.party, QueryTree.parse("'civilian'"), 200));
    }

    @Test
    void aReadsCostCountsRowsTestedAndEveryPostingListRead() {
        WordFrequencies.Table responses = new WordFrequencies.Table(2_000_000,
                Map.of("air", 0.3, "strike", 0.3, "aleppo", 0.02, "coalition", 0.99, "civilian", 0.45), 0.0002);
        // Independent words: the phrase with a place tests many more rows in order than a common word.
        double phrase = WordFrequencies.cost(SearchKind.response, QueryTree.parse("'air' <-> 'strike' & 'aleppo'"), 100, true, responses);
        double common = WordFrequencies.cost(SearchKind.response, QueryTree.parse("'civilian'"), 100, true, responses);
        assertTrue(phrase > 5 * common, phrase + " against " + common);
        // Through the index an excluded common word costs its whole posting list.
        double excluded = WordFrequencies.cost(SearchKind.response, QueryTree.parse("'aleppo' & !'coalition'"), 100, false, responses);
        double alone = WordFrequencies.cost(SearchKind.response, QueryTree.parse("'aleppo'"), 100, false, responses);
        assertTrue(excluded > 10 * alone, excluded + " against " + alone);
        // A rare name through the index is cheap; a table never analysed costs nothing known.
        assertTrue(WordFrequencies.cost(SearchKind.response, QueryTree.parse("'qasr'"), 100, false, responses) < 2_000);
        assertEquals(0, new WordFrequencies().cost(SearchKind.party, QueryTree.parse("'civilian'"), 100, false));
    }
}
