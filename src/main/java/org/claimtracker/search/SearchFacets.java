package org.claimtracker.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts over every hit of the query read (see {@link SearchResults#complete()}), not only the page
 * shown. {@code kinds} counts every kind the other filters allow, whatever kind was asked for (so a
 * page can offer to switch); {@code parties}
 * (the claimant of claims and quotes, the responding party of responses, the party itself; at most
 * twenty, most hits first) and {@code years} (by the record's date) count the hits of the kind asked for.
 */
public record SearchFacets(List<KindCount> kinds, List<PartyCount> parties, List<YearCount> years) {

    /** {@code complete} false: the kind had more matches than a search reads, and {@code count} is a lower bound. */
    @Schema(name = "SearchKindCount")
    public record KindCount(SearchKind kind, long count, boolean complete) {
    }

    @Schema(name = "SearchPartyCount")
    public record PartyCount(long partyId, String name, long count) {
    }

    @Schema(name = "SearchYearCount")
    public record YearCount(int year, long count) {
    }
}
