package org.claimtracker.search;

import java.time.LocalDate;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;

/** The search parameters as they arrive (text), parsed with errors that name the parameter. */
public final class SearchQuery {

    /** The longest query taken, as for every q of the API. */
    public static final int MAX_LENGTH = 200;

    private SearchQuery() {
    }

    /**
     * The words of a search: required, trimmed, at most {@value #MAX_LENGTH} characters. A plus sign
     * is read as a space, as HTML forms send spaces (it means nothing in the query language).
     */
    public static String words(String raw) {
        String q = optionalWords(raw);
        if (q == null) {
            throw ApiProblem.badRequest("q", "q is required: the words to search for");
        }
        return q;
    }

    /** The words as {@link #words} reads them, or null when there are none (an empty search page). */
    public static String optionalWords(String raw) {
        return Params.optionalText("q", raw == null ? null : raw.replace('+', ' '), MAX_LENGTH);
    }

    public static SearchFilter filter(String q, String kind, String partyId, String stance, String position,
            String incidentId, String outletId, String from, String to, String claimKind, String grading) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        Params.checkRange("from", fromDate, "to", toDate);
        return new SearchFilter(words(q), Params.optionalEnum("kind", kind, SearchKind.class),
                Params.optionalId("partyId", partyId), Params.optionalEnum("stance", stance, Stance.class),
                Params.optionalEnum("position", position, Position.class), Params.optionalId("incidentId", incidentId),
                Params.optionalId("outletId", outletId), fromDate, toDate,
                Params.optionalEnum("claimKind", claimKind, ClaimKind.class),
                Params.optionalEnum("grading", grading, Grading.class));
    }
}
