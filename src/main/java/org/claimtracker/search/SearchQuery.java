package org.claimtracker.search;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The search parameters as they arrive (text, a {@code @BeanParam} of the API's and the admin page's
 * search), parsed with errors that name the parameter.
 */
public class SearchQuery {

    /** The longest query taken, as for every q of the API. */
    public static final int MAX_LENGTH = 200;

    @QueryParam("q")
    @Parameter(description = "The words to find (required; at most 200 characters)", required = true)
    String q;

    @QueryParam("kind")
    @Parameter(description = "Only hits of this kind (the facet of kinds still counts every kind)",
            schema = @Schema(implementation = SearchKind.class))
    String kind;

    @QueryParam("partyId")
    @Parameter(description = "Only records involving this party: claims it made, was addressed or answered;"
            + " quotes of such claims; its responses and responses to its claims; articles quoting it;"
            + " incidents of its claims; the party itself")
    String partyId;

    @QueryParam("stance")
    @Parameter(description = "Only responses with this stance, and claims that received one",
            schema = @Schema(implementation = Stance.class))
    String stance;

    @QueryParam("position")
    @Parameter(description = "Only claims (and their quotes and responses) on which a party holds this position"
            + " now; with partyId, that party", schema = @Schema(implementation = Position.class))
    String position;

    @QueryParam("incidentId")
    @Parameter(description = "Only records about this incident (claims, their quotes and responses, articles"
            + " quoting them) and the incident itself")
    String incidentId;

    @QueryParam("outletId")
    @Parameter(description = "Only articles of this outlet, quotes and responses in them, and claims quoted"
            + " from them")
    String outletId;

    @QueryParam("from")
    @Parameter(description = "Dated on or after (inclusive): claims and quotes by the claim's date stated,"
            + " responses by theirs, articles by publication, incidents by occurrence; parties are left out")
    String from;

    @QueryParam("to")
    @Parameter(description = "Dated on or before (inclusive); as from")
    String to;

    @QueryParam("claimKind")
    @Parameter(description = "Only claims of this kind (and their quotes and responses)",
            schema = @Schema(implementation = ClaimKind.class))
    String claimKind;

    @QueryParam("grading")
    @Parameter(description = "Only claims with this grading (and their quotes and responses)",
            schema = @Schema(implementation = Grading.class))
    String grading;

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

    /** The filter these parameters ask for; a 400 naming the parameter when one is malformed. */
    public SearchFilter filter() {
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
