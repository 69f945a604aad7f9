package org.claimtracker.web;

import static org.claimtracker.api.DataTypes.CSV;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.CsvRowWriter;
import org.claimtracker.core.ExportLimits;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;

/**
 * An admin list downloaded whole ({@code ?format=csv} or {@code ?format=json} on the list's address,
 * with its filters): every page of it, read {@value #CHUNK} rows at a time through the same service
 * call the page makes, at most {@value #MAX_ROWS} rows (a longer list is refused with a page saying
 * so; whole tables are the reports' business). JSON is an array of the records as the API answers
 * them; CSV has one column per field, a nested record's fields as {@code claimant.name}, a list as
 * its values joined by "; ", and text a spreadsheet would run as a formula made inert. A download
 * takes one of the account's export slots (as report exports do) while it is read.
 */
public final class ListDownload {

    /** The most rows one download holds. */
    public static final int MAX_ROWS = 10_000;
    static final int CHUNK = 1_000;

    private ListDownload() {
    }

    /** The download of the list the pages come from, in the format asked ("csv" or "json"). */
    public static <T> Response of(UriInfo uri, String format, Function<PageParams, Page<T>> pages) {
        return of(name(uri), format, pages);
    }

    /** The same, saved as {@code name}.csv or {@code name}.json. */
    public static <T> Response of(String name, String format, Function<PageParams, Page<T>> pages) {
        boolean csv = switch (format.trim()) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ApiProblem.badRequest("format", "format must be csv or json");
        };
        ExportLimits limits = Arc.container().instance(ExportLimits.class).get();
        String account = Arc.container().instance(SecurityIdentity.class).get().getPrincipal().getName();
        ExportLimits.Slot slot;
        try {
            slot = limits.take(account);
        } catch (ExportLimits.Refused refused) {
            int status = refused.reason() == ExportLimits.Refusal.ACCOUNT ? 429 : 503;
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Retry-After", "10")
                    .entity(SharedTemplates.error(status, "Too many downloads", "Other downloads are in progress; try"
                            + " again when one of them has finished"))
                    .build();
        }
        try (slot) {
            List<T> rows = read(pages);
            ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
            byte[] body = csv ? csv(mapper, rows) : mapper.writeValueAsBytes(rows);
            return Response.ok(body, csv ? CSV + ";charset=UTF-8" : MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".json") + "\"")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The download of a list read whole already (a picture's table), saved as {@code name}.csv or .json. */
    public static <T> Response of(String name, String format, List<T> rows) {
        return of(name, format, page -> page.page() == 0 ? new Page<>(rows, 0, Math.max(1, rows.size()), rows.size())
                : new Page<>(List.of(), page.page(), page.size(), rows.size()));
    }

    /** Every row of the list, page after page; refused when there are more than {@value #MAX_ROWS}. */
    static <T> List<T> read(Function<PageParams, Page<T>> pages) {
        Page<T> first = pages.apply(new PageParams(0, CHUNK));
        if (first.total() > MAX_ROWS) {
            throw ApiProblem.badRequest("format", "This list has " + first.total() + " rows and a download holds at most "
                    + MAX_ROWS + ": narrow it with the filters, or export a report (Reports) for whole tables");
        }
        List<T> rows = new ArrayList<>(first.items());
        for (int page = 1; (long) page * CHUNK < first.total(); page++) {
            List<T> items = pages.apply(new PageParams(page, CHUNK)).items();
            if (items.isEmpty()) {
                break;
            }
            rows.addAll(items);
        }
        return rows;
    }

    /** The rows as CSV: the records as the API answers them, flattened to one column per field. */
    static byte[] csv(ObjectMapper mapper, List<?> rows) throws IOException {
        List<Map<String, Object>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Object row : rows) {
            Map<String, Object> cells = new LinkedHashMap<>();
            flatten("", mapper.valueToTree(row), cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        // A record that is null in some rows is one empty column per field of it, not a column of its own.
        columns.removeIf(column -> columns.stream().anyMatch(other -> other.startsWith(column + ".")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter writer = new CsvRowWriter(out);
        writer.start(List.copyOf(columns));
        for (Map<String, Object> cells : flat) {
            writer.row(columns.stream().map(cells::get).toArray());
        }
        writer.finish();
        return out.toByteArray();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> cells) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), cells));
            return;
        }
        String column = prefix.substring(0, prefix.length() - 1);
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> values.add(element.isValueNode() ? element.asText()
                    : element.has("name") ? element.get("name").asText() : element.toString()));
            cells.put(column, String.join("; ", values));
        } else if (node.isNull() || node.isMissingNode()) {
            cells.put(column, null);
        } else if (node.isNumber()) {
            cells.put(column, node.numberValue());
        } else if (node.isBoolean()) {
            cells.put(column, node.booleanValue());
        } else {
            cells.put(column, node.asText());
        }
    }

    /** The file's name: the list's last path segment ("claims", "history"). */
    private static String name(UriInfo uri) {
        String path = uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() || !last.matches("[a-z-]+") ? "list" : last;
    }
}
