package org.claimtracker.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.article.ArticleText;
import org.claimtracker.claim.Casualties;

/**
 * Checks each input row on its own (fields known, required ones present, types, vocabularies,
 * lengths, formats) and spools the good ones into the staging files; the bad ones become
 * {@link RowError}s. Checks that need other rows or the database come later, in SQL.
 */
final class Stager implements AutoCloseable {

    static final int MAX_REPORTED_ERRORS = 100;

    final Spool outlets;
    final Spool parties;
    final Spool aliases;
    final Spool articles;
    final Spool claims;
    final Spool sources;
    final Spool responses;
    final List<Spool> all;

    private final List<String> sourceNames;
    private final List<RowError> errors = new ArrayList<>();
    private long badRows;
    private long rowNo;
    private boolean failed;

    Stager(Path directory, List<String> sourceNames) {
        this.sourceNames = sourceNames;
        outlets = new Spool(directory, "s_outlet", "row_no, src, line, name, domain, country, kind, notes");
        parties = new Spool(directory, "s_party", "row_no, src, line, name, kind, parent, description");
        aliases = new Spool(directory, "s_alias", "row_no, src, line, item, party_row, alias");
        articles = new Spool(directory, "s_article", "row_no, src, line, outlet, title, authors, published_on, url,"
                + " language, body, content_hash, republished_from, notes");
        claims = new Spool(directory, "s_claim", "row_no, src, line, ref, claimant, speaker, addressed, incident, grading"
                + RowType.CLAIM.plainColumns(""));
        sources = new Spool(directory, "s_source", "row_no, src, line, item, claim_row, article, article_id, quote, quote_start");
        responses = new Spool(directory, "s_response", "row_no, src, line, ref, claim, claim_id, party, speaker, article,"
                + " article_id, quote, quote_start, counter_claim, counter_claim_id" + RowType.RESPONSE.plainColumns(""));
        all = List.of(outlets, parties, aliases, articles, claims, sources, responses);
    }

    List<RowError> errors() {
        return errors;
    }

    long badRows() {
        return badRows;
    }

    void error(int source, long line, String field, String message) {
        failed = true;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new RowError(sourceNames.get(source), line, field, message));
        }
    }

    /** Checks one row and spools it when it is good. */
    void add(InputRow row) {
        failed = false;
        addChecked(row);
        if (failed) {
            badRows++;
        }
    }

    private void addChecked(InputRow row) {
        if (row.type() == null) {
            error(row.source(), row.line(), null, "The row " + row.fields().get(RowReader.ERROR));
            return;
        }
        RowType type = RowType.byName(row.type());
        if (type == null) {
            error(row.source(), row.line(), "type", "must be one of " + RowType.names() + " (got '" + Field.clip(row.type()) + "')");
            return;
        }
        List<String> known = new ArrayList<>(type.fields.stream().map(Field::name).toList());
        if (type == RowType.CLAIM) {
            known.add("sources");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        for (String name : row.fields().keySet()) {
            if (!known.contains(name)) {
                error(row.source(), row.line(), name, "is not a field of a " + type.singular + " row (fields: "
                        + String.join(", ", known) + ")");
                ok = false;
            }
        }
        for (Field field : type.fields) {
            try {
                values.put(field.name(), field.check(row.fields().get(field.name())));
            } catch (Field.Invalid e) {
                error(row.source(), row.line(), field.name(), e.getMessage());
                ok = false;
            }
        }
        if (ok) {
            switch (type) {
                case OUTLET -> outlet(row, values);
                case PARTY -> party(row, values);
                case ARTICLE -> article(row, values);
                case CLAIM -> claim(row, values);
                case RESPONSE -> response(row, values);
            }
        }
    }

    private long nextRow() {
        return ++rowNo;
    }

    private boolean outlet(InputRow row, Map<String, Object> v) {
        outlets.add(nextRow(), row.source(), row.line(), trim(v.get("name")), v.get("domain"), v.get("country"), v.get("kind"),
                v.get("notes"));
        return true;
    }

    private boolean party(InputRow row, Map<String, Object> v) {
        long partyRow = nextRow();
        parties.add(partyRow, row.source(), row.line(), trim(v.get("name")), v.get("kind"), trim(v.get("parent")),
                v.get("description"));
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) v.get("aliases");
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                aliases.add(nextRow(), row.source(), row.line(), i, partyRow, names.get(i));
            }
        }
        return true;
    }

    private boolean article(InputRow row, Map<String, Object> v) {
        String text = ArticleText.normalise((String) v.get("text"));
        articles.add(nextRow(), row.source(), row.line(), trim(v.get("outlet")), trim(v.get("title")), v.get("authors"),
                v.get("publishedOn"), v.get("url"), v.get("language"), text, ArticleText.contentHash(text),
                trim(v.get("republishedFrom")), v.get("notes"));
        return true;
    }

    private boolean claim(InputRow row, Map<String, Object> v) {
        Integer low = (Integer) v.get("casualtiesLow");
        Integer high = (Integer) v.get("casualtiesHigh");
        if (!Casualties.inOrder(low, high)) {
            error(row.source(), row.line(), Casualties.FIELD, Casualties.RULE);
            return false;
        }
        Object given = row.fields().get("sources");
        if (!(given instanceof List<?> list) || list.isEmpty()) {
            error(row.source(), row.line(), "sources", "must list at least one source (article and quote)");
            return false;
        }
        if (list.size() > 50) {
            error(row.source(), row.line(), "sources", "must have at most 50 items");
            return false;
        }
        List<Object[]> checked = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String prefix = "sources[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                error(row.source(), row.line(), "sources[" + i + "]", "must be an object with article and quote");
                ok = false;
                continue;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            for (Object name : item.keySet()) {
                if (RowType.SOURCE_FIELDS.stream().noneMatch(f -> f.name().equals(name))) {
                    error(row.source(), row.line(), prefix + name, "is not a field of a source (fields: article, articleId, quote, quoteStart)");
                    ok = false;
                }
            }
            for (Field field : RowType.SOURCE_FIELDS) {
                try {
                    s.put(field.name(), field.check(item.get(field.name())));
                } catch (Field.Invalid e) {
                    error(row.source(), row.line(), prefix + field.name(), e.getMessage());
                    ok = false;
                }
            }
            if (!oneOf(row, s, prefix + "article", "article", "articleId", true)) {
                ok = false;
            }
            checked.add(new Object[] {i, s.get("article"), s.get("articleId"), s.get("quote"), s.get("quoteStart")});
        }
        if (!ok) {
            return false;
        }
        long claimRow = nextRow();
        claims.add(withPlain(RowType.CLAIM, v, claimRow, row.source(), row.line(), v.get("ref"), trim(v.get("claimant")),
                trim(v.get("speaker")), trim(v.get("addressedParty")), v.get("incident"), v.get("grading")));
        for (Object[] s : checked) {
            sources.add(nextRow(), row.source(), row.line(), s[0], claimRow, s[1], s[2], s[3], s[4]);
        }
        return true;
    }

    private boolean response(InputRow row, Map<String, Object> v) {
        boolean ok = oneOf(row, v, "claim", "claim", "claimId", true);
        ok &= oneOf(row, v, "article", "article", "articleId", true);
        ok &= oneOf(row, v, "counterClaim", "counterClaim", "counterClaimId", false);
        if (!ok) {
            return false;
        }
        responses.add(withPlain(RowType.RESPONSE, v, nextRow(), row.source(), row.line(), v.get("ref"), v.get("claim"),
                v.get("claimId"), trim(v.get("party")), trim(v.get("speaker")), v.get("article"), v.get("articleId"),
                v.get("quote"), v.get("quoteStart"), v.get("counterClaim"), v.get("counterClaimId")));
        return true;
    }

    /** A staged row: the values the code prepares, then the plain fields' values as checked, in column order. */
    private static Object[] withPlain(RowType type, Map<String, Object> v, Object... prepared) {
        List<Field> plain = type.plainFields();
        Object[] row = java.util.Arrays.copyOf(prepared, prepared.length + plain.size());
        for (int i = 0; i < plain.size(); i++) {
            row[prepared.length + i] = v.get(plain.get(i).name());
        }
        return row;
    }

    /** Exactly one (or, when optional, at most one) of a reference by name and by id. */
    private boolean oneOf(InputRow row, Map<String, Object> v, String field, String byName, String byId, boolean required) {
        boolean name = v.get(byName) != null;
        boolean id = v.get(byId) != null;
        if (name && id) {
            error(row.source(), row.line(), field, "give " + byName + " or " + byId + ", not both");
            return false;
        }
        if (required && !name && !id) {
            error(row.source(), row.line(), field, "is required (or " + byId + ")");
            return false;
        }
        return true;
    }

    private static Object trim(Object value) {
        return value == null ? null : ((String) value).trim();
    }

    @Override
    public void close() {
        all.forEach(Spool::close);
    }
}
