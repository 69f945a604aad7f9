package org.claimtracker.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.Page;

/**
 * Writes recorded quotes as Web Annotations and pages of them as the Web Annotation Protocol's
 * containers, every IRI absolute on the tracker's address as the request reached it (as the
 * pictures' downloadable links are: the answer serves only the client's own request).
 */
final class Annotations {

    static final String PATH = "api/annotations";

    private final String base;

    /** {@code base}: the tracker's address, ending in a slash. */
    Annotations(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    String iri(QuoteRow row) {
        return base + PATH + "/" + row.name();
    }

    /** The article's own address, or its page in the tracker when it has none. */
    String articleIri(QuoteRow row) {
        return row.articleUrl() != null ? row.articleUrl() : articlePage(row.articleId());
    }

    String articlePage(long articleId) {
        return base + "admin/articles/" + articleId;
    }

    String base() {
        return base;
    }

    WebAnnotation of(QuoteRow row, boolean withContext) {
        List<WebAnnotation.Body> body = new ArrayList<>();
        body.add(WebAnnotation.Body.describing(row.proposition()));
        body.add(WebAnnotation.Body.tagging(row.stance()));
        if (row.responseId() == null) {
            body.add(WebAnnotation.Body.tagging(row.claimKind()));
            body.add(WebAnnotation.Body.identifying(base + "api/claims/" + row.claimId()));
        } else {
            body.add(WebAnnotation.Body.identifying(base + "api/responses/" + row.responseId()));
        }
        WebAnnotation.Target target = new WebAnnotation.Target("SpecificResource", articleIri(row), List.of(
                WebAnnotation.Selector.quote(row.quote(), row.prefix(), row.suffix()),
                WebAnnotation.Selector.position(row.start(), row.end())));
        String who = row.createdBy();
        boolean person = !who.contains(":");
        return new WebAnnotation(withContext ? AnnotationVocabulary.CONTEXT : null, iri(row), "Annotation", "describing",
                row.created(), new WebAnnotation.Creator(person ? "Person" : "Software", who), body, target);
    }

    /** The collection of a filter, with its first page embedded (GET /api/annotations without page). */
    AnnotationCollection collection(Map<String, Long> filters, Page<QuoteRow> first) {
        String id = collectionIri(filters);
        return new AnnotationCollection(AnnotationVocabulary.CONTEXT, id, "AnnotationCollection", label(filters),
                first.total(), page(filters, first, false), pageIri(filters, lastPage(first), first.size()));
    }

    /** One page (GET /api/annotations?page=n), naming its collection. */
    AnnotationPage page(Map<String, Long> filters, Page<QuoteRow> page) {
        return page(filters, page, true);
    }

    private AnnotationPage page(Map<String, Long> filters, Page<QuoteRow> page, boolean answer) {
        AnnotationCollection partOf = answer ? new AnnotationCollection(null, collectionIri(filters), "AnnotationCollection",
                label(filters), page.total(), pageIri(filters, 0, page.size()), pageIri(filters, lastPage(page), page.size()))
                : null;
        String prev = page.page() > 0 ? pageIri(filters, Math.min(page.page() - 1, lastPage(page)), page.size()) : null;
        String next = page.page() < lastPage(page) ? pageIri(filters, page.page() + 1, page.size()) : null;
        // Inside a page the annotations carry no context of their own: the page's holds for them.
        List<WebAnnotation> items = page.items().stream().map(row -> of(row, false)).toList();
        return new AnnotationPage(answer ? AnnotationVocabulary.CONTEXT : null, pageIri(filters, page.page(), page.size()),
                "AnnotationPage", partOf, (long) page.page() * page.size(), prev, next, items);
    }

    private static int lastPage(Page<?> page) {
        return page.total() == 0 ? 0 : (int) ((page.total() - 1) / page.size());
    }

    private String collectionIri(Map<String, Long> filters) {
        return base + PATH + query(filters, null, 0);
    }

    private String pageIri(Map<String, Long> filters, int page, int size) {
        return base + PATH + query(filters, page, size);
    }

    private static String query(Map<String, Long> filters, Integer page, int size) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
            }
        });
        if (page != null) {
            query.append(query.isEmpty() ? '?' : '&').append("page=").append(page);
            if (size != org.claimtracker.core.PageParams.DEFAULT_SIZE) {
                query.append("&size=").append(size);
            }
        }
        return query.toString();
    }

    private static String label(Map<String, Long> filters) {
        List<String> parts = new ArrayList<>();
        filters.forEach((name, value) -> {
            if (value != null) {
                parts.add(name + " " + value);
            }
        });
        return parts.isEmpty() ? "Every recorded quote" : "Recorded quotes with " + String.join(", ", parts);
    }
}
