package org.claimtracker.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Page;

/**
 * Links to the previous and next pages of an admin list, keeping its filters, and to the whole list
 * as CSV and JSON ({@code csv} and {@code json}; null where the page offers no download).
 */
public record Paging(String previous, String next, long first, long last, long total, int page, long pages, String csv,
        String json) {

    /** An admin list template: one page of records, the links around it and the filter form. */
    @FunctionalInterface
    public interface ListTemplate<T> {
        TemplateInstance render(Page<T> page, Paging paging, Form filter);
    }

    /**
     * An admin list page: the page of records with its paging links and download links, and the
     * filter form holding the named query parameters as they were asked; or, with {@code format=csv}
     * or {@code format=json}, the whole list as a file ({@link ListDownload}). The pages come from the
     * service call the list makes; the page shown is the query's {@code page} (50 rows a page).
     */
    public static <T> Object list(ListTemplate<T> template, Function<PageParams, Page<T>> pages, UriInfo uri,
            String... filters) {
        String format = uri.getQueryParameters().getFirst("format");
        if (format != null && !format.isBlank()) {
            return ListDownload.of(uri, format, pages);
        }
        PageParams asked = PageParams.of(uri.getQueryParameters().getFirst("page"), "50");
        Page<T> shown = pages.apply(asked);
        Form filter = Form.empty();
        for (String name : filters) {
            filter.with(name, uri.getQueryParameters().getFirst(name));
        }
        return template.render(shown, downloadable(shown, uri), filter);
    }

    /**
     * The links around a page of a list that also downloads whole: its address with {@code format=csv}
     * or {@code format=json} (the resource answers those with {@link ListDownload#of}).
     */
    public static Paging downloadable(Page<?> page, UriInfo uri) {
        Paging paging = of(page, uri);
        Map<String, String> query = query(uri);
        return new Paging(paging.previous, paging.next, paging.first, paging.last, paging.total, paging.page, paging.pages,
                link(uri.getPath(), query, null, "csv"), link(uri.getPath(), query, null, "json"));
    }

    public static Paging of(Page<?> page, UriInfo uri) {
        Map<String, String> query = query(uri);
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        String previous = page.page() > 0 ? link(uri.getPath(), query, page.page() - 1, null) : null;
        String next = (long) (page.page() + 1) * page.size() < page.total() ? link(uri.getPath(), query, page.page() + 1, null)
                : null;
        long first = page.items().isEmpty() ? 0 : (long) page.page() * page.size() + 1;
        long last = (long) page.page() * page.size() + page.items().size();
        return new Paging(previous, next, first, last, page.total(), page.page(), pages, null, null);
    }

    /** Whether the whole list can be downloaded: it has at most {@link ListDownload#MAX_ROWS} rows. */
    public boolean downloadable() {
        return csv != null && total <= ListDownload.MAX_ROWS;
    }

    public int maxDownloadRows() {
        return ListDownload.MAX_ROWS;
    }

    /** The query parameters asked, but the page and the format, in name order. */
    private static Map<String, String> query(UriInfo uri) {
        Map<String, String> query = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("format") && !values.isEmpty() && !values.get(0).isBlank()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }

    /** The path with the page (when not null), the other parameters and the format (when not null). */
    private static String link(String path, Map<String, String> query, Integer page, String format) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        if (page != null) {
            link.append(separator).append("page=").append(page);
            separator = '&';
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            link.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        if (format != null) {
            link.append(separator).append("format=").append(format);
        }
        return link.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
