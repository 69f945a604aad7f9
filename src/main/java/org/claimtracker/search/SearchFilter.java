package org.claimtracker.search;

import java.time.LocalDate;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;

/**
 * What a search asks for: the words ({@code q}, in the syntax of websearch_to_tsquery) and the
 * filters that combine with them. A filter applies to the kinds it describes; a kind it does not
 * describe is left out while the filter is given (a stance leaves only claims and responses).
 */
public record SearchFilter(String q, SearchKind kind, Long partyId, Stance stance, Position position, Long incidentId,
        Long outletId, LocalDate from, LocalDate to, ClaimKind claimKind, Grading grading) {

    /** The words alone, no filter. */
    public static SearchFilter words(String q) {
        return new SearchFilter(q, null, null, null, null, null, null, null, null, null, null);
    }

    public SearchFilter ofKind(SearchKind wanted) {
        return new SearchFilter(q, wanted, partyId, stance, position, incidentId, outletId, from, to, claimKind, grading);
    }

    public SearchFilter withParty(Long party) {
        return new SearchFilter(q, kind, party, stance, position, incidentId, outletId, from, to, claimKind, grading);
    }
}
