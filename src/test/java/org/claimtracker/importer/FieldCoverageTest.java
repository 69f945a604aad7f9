package org.claimtracker.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.claimtracker.article.QuoteRequest;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimDetail;
import org.claimtracker.claim.ClaimRequest;
import org.claimtracker.response.ResponseRequest;
import org.claimtracker.response.ResponseDetail;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A column of {@code claim} or {@code response} reaches analysts five ways: the API's request and
 * answer records, bulk import, and the reporting views (the admin pages and seeds go through the
 * API's records). Every column is carried by the usual names (grading_note: gradingNote in the
 * import row, the request and the answer, grading_note in the view) unless it is listed here with
 * its names or the reason a way leaves it out; every name is checked against the code and the
 * database. A new column fails this test until it is carried everywhere or its absence is written
 * down, so that a field cannot be silently dropped by the importer or forgotten by a view.
 */
@QuarkusTest
class FieldCoverageTest {

    /** Not data of the record: written by the database for every table alike. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "created_at", "created_by", "updated_at", "updated_by");

    /** Derived by the database from other columns (generated), so carried by none of the ways: the search vectors of V11. */
    private static final Set<String> DERIVED = Set.of("search_vector");

    /** Where a column is carried: its name in the import row, the request, the answer and the view. */
    record Carried(String column, String imported, String requested, String answered, String reported) {

        static final String LEFT_OUT = "-";

        /**
         * A column carried by the usual names: {@code grading_note} is {@code gradingNote} in the
         * import row, the request and the answer, and {@code grading_note} in the view.
         */
        static Carried byConvention(String column) {
            Matcher word = Pattern.compile("_([a-z])").matcher(column);
            String camel = word.replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
            return new Carried(column, camel, camel, camel, column);
        }

        /** The key: assigned by the database, given in the URL, and named after the table in the view ({@code claim_id}). */
        static Carried key(String table) {
            return new Carried("id", "- assigned by the database", "- in the URL", "id", table + "_id");
        }

        /** A column carried by the usual names but in the view, which names it after the table ({@code claim_kind}). */
        static Carried namedAfterTableInView(String table, String column) {
            Carried usual = byConvention(column);
            return new Carried(column, usual.imported(), usual.requested(), usual.answered(), table + "_" + column);
        }

        /**
         * A reference to another record: {@code claimant_id} is {@code claimant} (the record's name or
         * ref) in the import row and the answer, {@code claimantId} in the request and
         * {@code claimant_id} in the view.
         */
        static Carried reference(String column) {
            String id = byConvention(column).requested();
            String record = id.substring(0, id.length() - "Id".length());
            return new Carried(column, record, id, record, column);
        }
    }

    /**
     * The columns whose names differ from the convention somewhere, or that some way leaves out (and
     * why). Every other column must be carried by {@link Carried#byConvention}; a new plain column
     * needs no line here.
     */
    private static final List<Carried> CLAIM = List.of(
            Carried.key("claim"),
            Carried.namedAfterTableInView("claim", "ref"),
            Carried.namedAfterTableInView("claim", "kind"),
            Carried.namedAfterTableInView("claim", "stated_on"),
            Carried.reference("claimant_id"),
            Carried.reference("speaker_id"),
            Carried.reference("addressed_party_id"),
            Carried.reference("incident_id"));

    private static final List<Carried> RESPONSE = List.of(
            Carried.key("response"),
            Carried.namedAfterTableInView("response", "ref"),
            Carried.reference("claim_id"),
            Carried.reference("party_id"),
            Carried.reference("speaker_id"),
            new Carried("article_id", "article", "source.articleId", "source.article", "article_id"),
            new Carried("quote", "quote", "source.quote", "source.quote", "quote"),
            new Carried("quote_start", "quoteStart", "source.start", "source.start", "quote_start"),
            new Carried("quote_end", "- follows from the start and the quote", "source.end", "source.end", "quote_end"),
            Carried.reference("counter_claim_id"));

    @TestFactory
    Stream<DynamicTest> everyColumnOfClaimsAndResponsesIsCarriedOrSaysWhyNot() throws SQLException {
        return Stream.of(
                table("claim", CLAIM, RowType.CLAIM, ClaimRequest.class, ClaimDetail.class, "claims"),
                table("response", RESPONSE, RowType.RESPONSE, ResponseRequest.class, ResponseDetail.class, "responses"))
                .flatMap(s -> s);
    }

    private Stream<DynamicTest> table(String table, List<Carried> exceptions, RowType row, Class<? extends Record> request,
            Class<? extends Record> answer, String view) throws SQLException {
        Set<String> columns = columns("public", table);
        columns.removeAll(BOOKKEEPING);
        columns.removeAll(DERIVED);
        List<Carried> carried = columns.stream().map(column -> exceptions.stream()
                .filter(c -> c.column().equals(column)).findFirst().orElse(Carried.byConvention(column))).toList();
        return Stream.of(
                DynamicTest.dynamicTest(table + ": every exception listed here is a column", () -> {
                    List<String> stale = exceptions.stream().map(Carried::column).filter(c -> !columns.contains(c)).toList();
                    assertEquals(List.of(), stale, "exceptions that name no column of " + table);
                }),
                DynamicTest.dynamicTest(table + ": the importer reads and writes every column", () -> {
                    Set<String> fields = row.fields.stream().map(Field::name).collect(Collectors.toSet());
                    Set<String> written = insertColumns(table);
                    List<String> missing = new ArrayList<>();
                    for (Carried c : carried) {
                        if (!c.imported().startsWith(Carried.LEFT_OUT) && !fields.contains(c.imported())) {
                            missing.add(c.imported() + " (a field of a " + row.singular + " row)");
                        }
                        if (!c.imported().startsWith(Carried.LEFT_OUT) || c.column().equals("quote_end")) {
                            if (!written.contains(c.column())) {
                                missing.add(c.column() + " (written by the import's insert into " + table + ")");
                            }
                        }
                    }
                    assertEquals(List.of(), missing);
                }),
                DynamicTest.dynamicTest(table + ": the API's request and answer carry every column", () -> {
                    List<String> missing = new ArrayList<>();
                    for (Carried c : carried) {
                        if (!c.requested().startsWith(Carried.LEFT_OUT) && !hasComponent(request, c.requested())) {
                            missing.add(request.getSimpleName() + "." + c.requested());
                        }
                        if (!hasComponent(answer, c.answered())) {
                            missing.add(answer.getSimpleName() + "." + c.answered());
                        }
                    }
                    assertEquals(List.of(), missing);
                }),
                DynamicTest.dynamicTest(table + ": the reporting view carries every column", () -> {
                    Set<String> reported = columns("reporting", view);
                    List<String> missing = carried.stream().map(Carried::reported)
                            .filter(name -> !name.startsWith(Carried.LEFT_OUT) && !reported.contains(name)).toList();
                    assertEquals(List.of(), missing, "columns of reporting." + view);
                }));
    }

    @Test
    void theCheckSeesAMissingColumn() {
        assertTrue(hasComponent(ResponseRequest.class, "source.quote"));
        assertTrue(!hasComponent(ResponseRequest.class, "source.nothing"));
        assertTrue(insertColumns("claim").contains("grading_note"));
        assertTrue(!insertColumns("claim").contains("quote"));
        assertEquals(new Carried("grading_note", "gradingNote", "gradingNote", "gradingNote", "grading_note"),
                Carried.byConvention("grading_note"));
        assertEquals(new Carried("addressed_party_id", "addressedParty", "addressedPartyId", "addressedParty", "addressed_party_id"),
                Carried.reference("addressed_party_id"));
        assertEquals(new Carried("stated_on", "statedOn", "statedOn", "statedOn", "claim_stated_on"),
                Carried.namedAfterTableInView("claim", "stated_on"));
    }

    /** A record component, or a path of them through nested records (source.quote). */
    private static boolean hasComponent(Class<?> type, String path) {
        String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(head)) {
                return !path.contains(".") || hasComponent(nested(component.getType()), path.substring(head.length() + 1));
            }
        }
        return false;
    }

    private static Class<?> nested(Class<?> type) {
        return type == QuoteRequest.class || type == QuoteView.class || type.isRecord() ? type : Object.class;
    }

    /** The columns the import's INSERT into {@code table} names. */
    private static Set<String> insertColumns(String table) {
        Pattern insert = Pattern.compile("insert into " + table + " \\(([^)]*)\\)");
        Set<String> columns = new LinkedHashSet<>();
        for (ImportSql.Insert statement : ImportSql.INSERTS) {
            Matcher m = insert.matcher(statement.sql());
            if (m.find()) {
                Arrays.stream(m.group(1).split(",")).map(String::strip).forEach(columns::add);
            }
        }
        return columns;
    }

    private static Set<String> columns(String schema, String table) throws SQLException {
        return new TreeSet<>(TestDatabase.column(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?", schema, table));
    }
}
