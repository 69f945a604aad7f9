package org.claimtracker.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimtracker.account.AccountRole;
import org.claimtracker.api.PageQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.position.Position;
import org.claimtracker.response.Stance;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/search")
@Tag(name = "Search", description = "Full-text search over articles, claims, quotes, responses, incidents and parties")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService service;

    @GET
    @Operation(operationId = "search", summary = "Search everything",
            description = "Finds the words of q in article titles and texts, claim propositions, the quotes of claim"
                    + " sources, responses (quote and note), incidents (title and place) and parties (name and"
                    + " aliases); best first. q is read as a web search box reads it: words (all must be found),"
                    + " \"exact phrases\", or, and -word to leave out records holding a word. Words are matched with"
                    + " English stemming (denied finds denies) and as written, ignoring accents, hyphens"
                    + " (al-Bab, al Bab) and joined Arabic articles (Deir ezZor). A query of stop words only finds"
                    + " nothing. Filters combine with the words and with each other; a filter applies to the kinds it"
                    + " describes and leaves the other kinds out (a stance keeps claims and responses). Each hit has"
                    + " an HTML snippet: its text escaped, the words found in <mark> elements, nothing else. The facets"
                    + " count every hit, not only the page; suggestions list party names, aliases and places like the"
                    + " words typed when fewer than three records were found. A search reads at most "
                    + SearchService.WINDOW + " matches of each kind (" + SearchService.ARTICLE_WINDOW + " articles), so that a word most records hold still answers"
                    + " at once: when a kind has that many, complete is false, its count and the total are lower"
                    + " bounds, and the ranking, the pages and the facets cover the matches read (not necessarily"
                    + " the best-ranked of all); more words or a filter make the answer complete again.")
    public SearchResults search(
            @Parameter(description = "The words to find (required; at most 200 characters)", required = true) @QueryParam("q") String q,
            @Parameter(description = "Only hits of this kind (the facet of kinds still counts every kind)",
                    schema = @Schema(implementation = SearchKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only records involving this party: claims it made, was addressed or answered;"
                    + " quotes of such claims; its responses and responses to its claims; articles quoting it;"
                    + " incidents of its claims; the party itself") @QueryParam("partyId") String partyId,
            @Parameter(description = "Only responses with this stance, and claims that received one",
                    schema = @Schema(implementation = Stance.class)) @QueryParam("stance") String stance,
            @Parameter(description = "Only claims (and their quotes and responses) on which a party holds this position"
                    + " now; with partyId, that party", schema = @Schema(implementation = Position.class)) @QueryParam("position") String position,
            @Parameter(description = "Only records about this incident (claims, their quotes and responses, articles"
                    + " quoting them) and the incident itself") @QueryParam("incidentId") String incidentId,
            @Parameter(description = "Only articles of this outlet, quotes and responses in them, and claims quoted"
                    + " from them") @QueryParam("outletId") String outletId,
            @Parameter(description = "Dated on or after (inclusive): claims and quotes by the claim's date stated,"
                    + " responses by theirs, articles by publication, incidents by occurrence; parties are left out")
            @QueryParam("from") String from,
            @Parameter(description = "Dated on or before (inclusive); as from") @QueryParam("to") String to,
            @Parameter(description = "Only claims of this kind (and their quotes and responses)",
                    schema = @Schema(implementation = ClaimKind.class)) @QueryParam("claimKind") String claimKind,
            @Parameter(description = "Only claims with this grading (and their quotes and responses)",
                    schema = @Schema(implementation = Grading.class)) @QueryParam("grading") String grading,
            @BeanParam PageQuery page) {
        return service.search(SearchQuery.filter(q, kind, partyId, stance, position, incidentId, outletId, from, to,
                claimKind, grading), page.params());
    }
}
