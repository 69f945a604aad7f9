package org.claimtracker.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimtracker.account.AccountRole;
import org.claimtracker.api.PageQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    public SearchResults search(@BeanParam SearchQuery query, @BeanParam PageQuery page) {
        return service.search(query.filter(), page.params());
    }
}
