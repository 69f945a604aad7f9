package org.claimtracker.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.claimtracker.core.Page;

/** Links to the previous and next pages of an admin list, keeping its filters. */
public record Paging(String previous, String next, long first, long last, long total, int page, long pages) {

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
