package org.claimtracker.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Params;
import org.claimtracker.web.Form;
import org.claimtracker.web.ListDownload;
import org.claimtracker.web.Paging;

/**
 * The search page of the admin pages ({@code /admin/search?q=...}): hits grouped by kind with their
 * highlighted snippets, the facets as links that narrow the search, and suggestions when little was
 * found. Each hit links to its record; a quote or a response also to its place in the article reader.
 */
@Path("/admin/search")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class SearchAdminResource {

    /** A hit as the page shows it: where it links to and, for quotes and responses, the reader's place. */
    public record Shown(SearchHit hit, String link, String reader) {

        static Shown of(SearchHit h) {
            String link = switch (h.kind()) {
                case article -> "/admin/articles/" + h.id();
                case claim, quote -> "/admin/claims/" + h.claimId();
                case response -> "/admin/responses/" + h.id();
                case incident -> "/admin/incidents/" + h.id();
                case party -> "/admin/parties/" + h.id();
            };
            String reader = h.articleId() != null && h.quoteStart() != null
                    ? "/admin/articles/" + h.articleId() + "#quote-" + h.quoteStart() + "-" + h.quoteEnd() : null;
            return new Shown(h, link, reader);
        }
    }

    /** A link to another search (a suggestion). */
    public record Link(String text, String href) {
    }

    /** The hits of one kind on the page shown. */
    public record Group(SearchKind kind, List<Shown> hits) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Form filter, String q, SearchKind kind, SearchResults results,
                List<Group> groups, List<Link> suggestions, Paging paging, String base, int window,
                int articleWindow);
    }

    @Inject
    SearchService service;

    /**
     * The search page; with {@code format=csv} or {@code format=json} its hits as a file, every page
     * of them (the hits as the API answers them: kind, record, title, snippet, rank, date, links).
     */
    @GET
    public Object search(@BeanParam SearchQuery query, @QueryParam("page") String page,
            @QueryParam("format") String format, @Context UriInfo uri) {
        Form filter = Form.empty().with("q", query.q).with("kind", query.kind).with("stance", query.stance)
                .with("position", query.position).with("incidentId", query.incidentId).with("outletId", query.outletId)
                .with("claimKind", query.claimKind).with("grading", query.grading).with("from", query.from)
                .with("to", query.to);
        if (SearchQuery.optionalWords(query.q) == null) {
            return Templates.search(filter, null, Params.optionalEnum("kind", query.kind, SearchKind.class), null, List.of(),
                    List.of(), null, null, SearchService.WINDOW,
                    SearchService.ARTICLE_WINDOW);
        }
        SearchFilter asked = query.filter();
        if (format != null && !format.isBlank()) {
            return ListDownload.of("search", format, pages -> service.search(asked, pages).asPage());
        }
        String words = asked.q();
        SearchKind chosen = asked.kind();
        SearchResults results = service.search(asked, PageParams.of(page, "20"));
        List<Shown> shown = results.items().stream().map(Shown::of).toList();
        // Grouped by kind in the order of their best hit.
        List<Group> groups = shown.stream().map(s -> s.hit().kind()).distinct()
                .map(k -> new Group(k, shown.stream().filter(s -> s.hit().kind() == k).toList())).toList();
        Page<Shown> paged = new Page<>(shown, results.page(), results.size(), results.total());
        // The facets' links narrow this search: they keep its words and filters, and set kind or party.
        StringBuilder base = new StringBuilder("/admin/search?q=" + encoded(words));
        for (String name : List.of("stance", "position", "incidentId", "outletId", "claimKind", "grading", "from", "to")) {
            String value = filter.value(name);
            if (!value.isBlank()) {
                base.append('&').append(name).append('=').append(encoded(value));
            }
        }
        List<Link> suggestions = results.suggestions().stream().map(s -> new Link(s, "/admin/search?q=" + encoded(s))).toList();
        return Templates.search(filter, words, chosen, results, groups, suggestions, Paging.downloadable(paged, uri), base.toString(),
                SearchService.WINDOW, SearchService.ARTICLE_WINDOW);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
