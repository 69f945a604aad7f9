package org.claimtracker.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes recorded quotes as Web Annotations and pages of them as the Web Annotation Protocol's
 * containers, every IRI absolute on the tracker's public address (TRACKER_PUBLIC_URL, as the
 * ClaimReviews' url is), so that an annotation keeps its IRI whatever host a client reached the
 * tracker by.
 */
final class Annotations {

    static final String PATH = "api/annotations";

    private final String base;

    /** {@code base}: the tracker's public address, with or without a closing slash. */
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

    /**
     * The collection of a filter (GET /api/annotations without a page): its total, its first page
     * embedded, and its last page's IRI by number.
     */
    AnnotationCollection collection(Map<String, Long> filters, long total, AnnotationService.Rows first, int size) {
        int last = total == 0 ? 0 : (int) Math.min((total - 1) / size, Integer.MAX_VALUE);
        return new AnnotationCollection(AnnotationVocabulary.CONTEXT, collectionIri(filters), "AnnotationCollection",
                label(filters), total, page(filters, new AnnotationService.Slice(0, size, null, null), first, 0, false),
                pageIri(filters, "page", String.valueOf(last), size));
    }

    /**
     * One page (GET /api/annotations with page, after or before), naming its collection. The page
     * after it is always named by its last item ({@code after}), so that walking the pages reads a
     * page each; the page before it by number when it has one, else by its first item ({@code before}).
     */
    AnnotationPage page(Map<String, Long> filters, AnnotationService.Slice slice, AnnotationService.Rows rows,
            @org.jetbrains.annotations.Nullable Integer number) {
        return page(filters, slice, rows, number, true);
    }

    private AnnotationPage page(Map<String, Long> filters, AnnotationService.Slice slice, AnnotationService.Rows rows,
            @org.jetbrains.annotations.Nullable Integer number, boolean answer) {
        List<QuoteRow> items = rows.items();
        int size = slice.size();
        String id;
        String prev;
        String next;
        if (slice.after() != null) {
            id = pageIri(filters, "after", slice.after().text(), size);
            prev = items.isEmpty() ? null : cursorIri(filters, "before", items.get(0), size);
            next = rows.more() ? cursorIri(filters, "after", items.get(items.size() - 1), size) : null;
        } else if (slice.before() != null) {
            id = pageIri(filters, "before", slice.before().text(), size);
            prev = rows.more() ? cursorIri(filters, "before", items.get(0), size) : null;
            next = items.isEmpty() ? null : cursorIri(filters, "after", items.get(items.size() - 1), size);
        } else {
            id = pageIri(filters, "page", String.valueOf(number), size);
            prev = number > 0 ? pageIri(filters, "page", String.valueOf(number - 1), size) : null;
            next = rows.more() ? cursorIri(filters, "after", items.get(items.size() - 1), size) : null;
        }
        // Inside a page the collection is named, not counted: a page reads only its own rows.
        AnnotationCollection partOf = answer ? new AnnotationCollection(null, collectionIri(filters), "AnnotationCollection",
                label(filters), null, null, null) : null;
        Long startIndex = number == null ? null : (long) number * size;
        // Inside a page the annotations carry no context of their own: the page's holds for them.
        return new AnnotationPage(answer ? AnnotationVocabulary.CONTEXT : null, id, "AnnotationPage", partOf, startIndex,
                prev, next, items.stream().map(row -> of(row, false)).toList());
    }

    private String collectionIri(Map<String, Long> filters) {
        return base + PATH + query(filters, null, null, 0);
    }

    private String pageIri(Map<String, Long> filters, String name, String value, int size) {
        return base + PATH + query(filters, name, value, size);
    }

    private String cursorIri(Map<String, Long> filters, String name, QuoteRow row, int size) {
        return pageIri(filters, name, AnnotationService.Cursor.of(row).text(), size);
    }

    private static String query(Map<String, Long> filters, String name, String value, int size) {
        StringBuilder query = new StringBuilder();
        filters.forEach((filter, id) -> {
            if (id != null) {
                query.append(query.isEmpty() ? '?' : '&').append(filter).append('=').append(id);
            }
        });
        if (name != null) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
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
