package org.claimtracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.PageParams;
import org.claimtracker.response.Stance;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A search read in two halves at once (the second on a connection of the search pool, through JDBC)
 * answers exactly as the same search read in one statement: hits, ranks, snippets, facets, counts,
 * with every kind of filter bound. The tests split every search of two kinds or more
 * ({@code %test.tracker.search.split-from=PT0S}).
 */
@QuarkusTest
class SearchSplitTest {

    private static final LocalDate DAY = LocalDate.of(2016, 3, 9);

    @Inject
    SearchService service;

    @Test
    void aSplitSearchAnswersAsTheSearchInOneStatement() {
        String w = SearchApiTest.tag();
        long outlet = Fixtures.outlet();
        long claimant = Fixtures.state("Claimant");
        long accused = Fixtures.state("Accused");
        List<Long> articles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String text = "Report " + i + ": the ministry said " + w + " jets struck the depot near the river."
                    + " The army denied it flatly. " + Fixtures.unique("");
            articles.add(Fixtures.created("/api/articles", Fixtures.articleBody(outlet, text, DAY.plusYears(i % 2))));
        }
        for (long article : articles) {
            Map<String, Object> claimBody = Fixtures.claimBody(claimant, accused, article, w + " jets struck the depot", DAY);
            claimBody.put("proposition", Fixtures.unique("Jets of the accused struck the " + w + " depot"));
            long claim = Fixtures.created("/api/claims", claimBody);
            Map<String, Object> response = Fixtures.responseBody(claim, accused, "denies", DAY, article,
                    "The army denied it flatly.");
            response.put("note", "Denial by the " + w + " spokesman");
            Fixtures.created("/api/responses", response);
        }
        Fixtures.created("/api/incidents", Map.of("title", "Depot strike " + w, "occurredOn", DAY.toString(), "place", "Tarn"));
        Fixtures.created("/api/parties", Map.of("name", Fixtures.unique("Brigade"), "kind", "armed_group",
                "aliases", List.of("The " + w + " Brigade")));

        SearchFilter words = SearchFilter.words(w + " depot");
        List<SearchFilter> filters = List.of(words,
                SearchFilter.words(w + " -river"),
                SearchFilter.words("\"" + w + " jets\" or " + w + " spokesman"),
                words.ofKind(SearchKind.response),
                words.withParty(accused),
                new SearchFilter(w, null, null, Stance.denies, null, null, null, null, null, null, null),
                new SearchFilter(w, null, null, null, null, null, outlet, DAY, DAY.plusYears(1), null, null),
                new SearchFilter(w, SearchKind.claim, claimant, null, null, null, null, DAY.minusDays(1), null, null, null));
        for (SearchFilter filter : filters) {
            for (PageParams page : List.of(new PageParams(0, 20), new PageParams(1, 3))) {
                SearchResults split = service.search(filter, page, true);
                SearchResults whole = service.search(filter, page, false);
                assertEquals(whole, split, filter + " " + page);
            }
        }
        SearchResults all = service.search(SearchFilter.words(w), new PageParams(0, 40), true);
        assertEquals(4 + 4 + 4 + 4 + 1 + 1, all.total(), "every kind found: " + all.facets().kinds());
        assertTrue(all.items().stream().anyMatch(hit -> hit.snippet().contains("<mark>")));
    }

    @Test
    void theSecondHalfIsReadOnAConnectionOfThePool() {
        String w = SearchApiTest.tag();
        Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), "The " + w + " depot burned. "
                + Fixtures.unique(""), DAY));
        long before = service.halvesReadApart();
        // The request takes the half back when no connection or thread of the pool is free at once
        // (a busy machine); of twenty searches, at least one must find them free.
        for (int i = 0; i < 20 && service.halvesReadApart() == before; i++) {
            assertEquals(1, service.search(SearchFilter.words(w), new PageParams(0, 20), true).total());
        }
        assertTrue(service.halvesReadApart() > before, "no half was read apart");
    }
}
