package org.claimtracker.search;

import java.util.List;
import org.claimtracker.core.Page;

/**
 * A page of search hits, best first, as lists are paged ({@code page} from 0, {@code size},
 * {@code total} hits), with the facets of the whole result and, when it found fewer than three
 * records, names that look like the words typed ({@code suggestions}). A search reads at most
 * {@value SearchService#WINDOW} matches of each kind ({@value SearchService#ARTICLE_WINDOW} articles): {@code complete} is false when a kind (the kind
 * asked for, or any kind) had that many, and then {@code total} is a lower bound and the ranking,
 * the pages and the facets cover the matches read.
 */
public record SearchResults(List<SearchHit> items, int page, int size, long total, boolean complete,
        SearchFacets facets, List<String> suggestions) {

    /** The hits as a page of a list (for a download of every page). */
    public Page<SearchHit> asPage() {
        return new Page<>(items, page, size, total);
    }
}
