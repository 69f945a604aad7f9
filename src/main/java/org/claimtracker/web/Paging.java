package org.claimtracker.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.claimtracker.core.Page;

/** Links to the previous and next pages of an admin list, keeping its filters. */
public record Paging(String previous, String next, long first, long last, long total, int page, long pages) {

    /** An admin list template: one page of records, the links around it and the filter form. */
    @FunctionalInterface
    public interface ListTemplate<T> {
        TemplateInstance render(Page<T> page, Paging paging, Form filter);
    }

    /**
     * An admin list page: the page of records with its paging links, and the filter form holding the
     * named query parameters as they were asked.
     */
    public static <T> TemplateInstance list(ListTemplate<T> template, Page<T> page, UriInfo uri, String... filters) {
        Form filter = Form.empty();
        for (String name : filters) {
            filter.with(name, uri.getQueryParameters().getFirst(name));
        }
        return template.render(page, of(page, uri), filter);
    }

    public static Paging of(Page<?> page, UriInfo uri) {
        Map<String, String> query = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("page") && !values.isEmpty() && !values.get(0).isBlank()) {
                query.put(name, values.get(0));
            }
        });
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        String previous = page.page() > 0 ? link(uri.getPath(), query, page.page() - 1) : null;
        String next = (long) (page.page() + 1) * page.size() < page.total() ? link(uri.getPath(), query, page.page() + 1) : null;
        long first = page.items().isEmpty() ? 0 : (long) page.page() * page.size() + 1;
        long last = (long) page.page() * page.size() + page.items().size();
        return new Paging(previous, next, first, last, page.total(), page.page(), pages);
    }

    private static String link(String path, Map<String, String> query, int page) {
        StringBuilder link = new StringBuilder(path).append("?page=").append(page);
        query.forEach((name, value) -> link.append('&').append(encode(name)).append('=').append(encode(value)));
        return link.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
