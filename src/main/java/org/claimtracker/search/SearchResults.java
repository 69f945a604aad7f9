package org.claimtracker.search;

import java.util.List;

/**
 * A page of search hits, best first, as lists are paged ({@code page} from 0, {@code size},
 * {@code total} hits), with the facets of the whole result and, when it found fewer than three
 * records, names that look like the words typed ({@code suggestions}).
 */
public record SearchResults(List<SearchHit> items, int page, int size, long total, SearchFacets facets,
        List<String> suggestions) {
}
