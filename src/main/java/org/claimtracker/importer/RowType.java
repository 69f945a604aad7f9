package org.claimtracker.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.party.PartyKind;
import org.claimtracker.response.Stance;
import org.claimtracker.core.Refs;

/** The kinds of record an import may hold, with the fields each takes (the API's, references by name). */
enum RowType {
    OUTLET("outlet", "outlets", List.of(
            Field.text("name", 200).mandatory(),
            Field.text("domain", 253).matching(java.util.regex.Pattern.compile(
                    "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"), "must be a lower-case domain name such as example.com"),
            Field.text("country", 2).matching(java.util.regex.Pattern.compile("^[A-Z]{2}$"), "must be two upper-case letters (ISO 3166-1)"),
            Field.oneOf("kind", names(OutletKind.values())).mandatory(),
            Field.text("notes", 4000))),
    PARTY("party", "parties", List.of(
            Field.text("name", 200).mandatory(),
            Field.oneOf("kind", names(PartyKind.values())).mandatory(),
            Field.text("parent", 200),
            Field.text("description", 4000),
            Field.list("aliases", 200))),
    ARTICLE("article", "articles", List.of(
            Field.text("outlet", 200).mandatory(),
            Field.text("title", 500).mandatory(),
            Field.list("authors", 200),
            Field.date("publishedOn").mandatory(),
            Field.text("url", 2000).matching(java.util.regex.Pattern.compile("^https?://\\S+$"), "must be an http or https URL"),
            Field.text("language", 12).matching(java.util.regex.Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"),
                    "must be a language tag such as en or pt-BR"),
            Field.text("text", 1_000_000).mandatory(),
            Field.text("republishedFrom", 200),
            Field.text("notes", 4000))),
    CLAIM("claim", "claims", List.of(
            Field.text("ref", Refs.MAX_LENGTH).matching(Field.REF, Field.REF_HINT),
            Field.text("claimant", 200).mandatory(),
            Field.text("speaker", 200),
            Field.text("addressedParty", 200),
            Field.text("proposition", 4000).mandatory().plain("proposition"),
            Field.oneOf("kind", names(ClaimKind.values())).mandatory().plain("kind"),
            Field.date("statedOn").mandatory().plain("stated_on"),
            Field.text("incident", 120),
            Field.integer("casualtiesLow").plain("casualties_low"),
            Field.integer("casualtiesHigh").plain("casualties_high"),
            Field.oneOf("grading", names(Grading.values())),
            Field.text("gradingNote", 4000).plain("grading_note"))),
    RESPONSE("response", "responses", List.of(
            Field.text("ref", Refs.MAX_LENGTH).matching(Field.REF, Field.REF_HINT),
            Field.text("claim", 120),
            Field.id("claimId"),
            Field.text("party", 200).mandatory(),
            Field.text("speaker", 200),
            Field.oneOf("stance", names(Stance.values())).mandatory().plain("stance"),
            Field.date("statedOn").mandatory().plain("stated_on"),
            Field.text("article", 2000),
            Field.id("articleId"),
            Field.text("quote", 4000).mandatory(),
            Field.integer("quoteStart"),
            Field.text("counterClaim", 120),
            Field.id("counterClaimId"),
            Field.text("note", 4000).plain("note")));

    /** The fields of each source of a claim. */
    static final List<Field> SOURCE_FIELDS = List.of(
            Field.text("article", 2000),
            Field.id("articleId"),
            Field.text("quote", 4000).mandatory(),
            Field.integer("quoteStart"));

    final String singular;
    final String plural;
    final List<Field> fields;

    RowType(String singular, String plural, List<Field> fields) {
        this.singular = singular;
        this.plural = plural;
        this.fields = fields;
    }

    /** The staging table of this kind of row. */
    String staging() {
        return "s_" + singular;
    }

    /** The fields copied as they are into their table's columns (see {@link Field#plain}). */
    List<Field> plainFields() {
        return fields.stream().filter(f -> f.column() != null).toList();
    }

    /** ", col, col" for the plain fields' columns, each prefixed with {@code alias} ("" or "s."). */
    String plainColumns(String alias) {
        return plainFields().stream().map(f -> ", " + alias + f.column()).collect(Collectors.joining());
    }

    /** The statement that gives the staging table a column for each plain field, or null when it has none. */
    String stagingColumns() {
        List<Field> plain = plainFields();
        return plain.isEmpty() ? null : "alter table " + staging() + plain.stream()
                .map(f -> " add column " + f.column() + " " + f.sqlType()).collect(Collectors.joining(","));
    }

    private static final Map<String, RowType> BY_NAME = Arrays.stream(values())
            .flatMap(t -> java.util.stream.Stream.of(Map.entry(t.singular, t), Map.entry(t.plural, t)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** By its singular or plural name, or null. */
    static RowType byName(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static String names() {
        return Arrays.stream(values()).map(t -> t.singular).collect(Collectors.joining(", "));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
