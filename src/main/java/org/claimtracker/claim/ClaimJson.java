package org.claimtracker.claim;

import static org.claimtracker.core.SqlJson.array;
import static org.claimtracker.core.SqlJson.nullable;
import static org.claimtracker.core.SqlJson.nullableNumber;
import static org.claimtracker.core.SqlJson.nullableWord;
import static org.claimtracker.core.SqlJson.number;
import static org.claimtracker.core.SqlJson.object;
import static org.claimtracker.core.SqlJson.optional;
import static org.claimtracker.core.SqlJson.text;
import static org.claimtracker.core.SqlJson.timestamp;
import static org.claimtracker.core.SqlJson.word;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.NamedSql;
import org.claimtracker.core.SqlJson;
import org.claimtracker.response.ResponseDetail;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * GET /api/claims/{id} in one statement: PostgreSQL writes the answer's JSON, which is what Jackson
 * writes for the {@link ClaimDetail} that {@link ClaimService#get} reads through the entities (five
 * statements), field for field and byte for byte (ClaimJsonTest holds the two equal). The claim with
 * its parties and incident, its sources with their articles and outlets, its responses stated on or
 * before {@code asOf} (ResponseService.forClaim), each involved party's position
 * (PositionService.positionsOn, the same rule and order) and the responses that name it as their
 * counter-claim, each a scalar subquery of the one row. A column added to claim, response or
 * claim_source and to their answers must be added here too (ClaimJsonTest fails until it is).
 */
final class ClaimJson {

    /** The JSON of a claim and its version (the ETag). */
    record Written(long version, byte[] json) {
    }

    private static String ref(String alias) {
        return object("id", number(alias + ".id"), "name", text(alias + ".name"));
    }

    /** An article as ArticleRef, {@code a} joined to its outlet {@code o}. */
    private static String article(String a, String o) {
        return object("id", number(a + ".id"), "title", text(a + ".title"), "outlet", ref(o),
                "publishedOn", text(a + ".published_on"), "url", nullable(a + ".url"));
    }

    private static String audit(String row) {
        return object("createdAt", timestamp(row + ".created_at"), "createdBy", text(row + ".created_by"),
                "updatedAt", timestamp(row + ".updated_at"), "updatedBy", text(row + ".updated_by"));
    }

    private static final String SOURCES = "(select " + array(object("id", number("s.id"),
                    "article", article("sa", "so"), "quote", text("s.quote"), "start", number("s.quote_start"),
                    "end", number("s.quote_end")), "s.id") + """

              from claim_source s
              join article sa on sa.id = s.article_id
              join outlet so on so.id = sa.outlet_id
             where s.claim_id = c.id)""";

    /** ResponseDetail for each response to the claim up to :asOf, as ResponseService.forClaim reads them. */
    private static final String RESPONSES = "(select " + array(SqlJson.record(ResponseDetail.class, "r", Map.of(
                    "claim", object("id", number("c.id"), "proposition", text("c.proposition")),
                    "party", ref("rp"),
                    "speaker", optional("rs.id", ref("rs")),
                    "source", object("article", article("ra", "ro"), "quote", text("r.quote"),
                            "start", number("r.quote_start"), "end", number("r.quote_end")),
                    "counterClaim", optional("rc.id",
                            object("id", number("rc.id"), "proposition", text("rc.proposition"))),
                    "audit", audit("r"))),
            "r.stated_on, r.id") + """

              from response r
              join party rp on rp.id = r.party_id
              left join party rs on rs.id = r.speaker_id
              join article ra on ra.id = r.article_id
              join outlet ro on ro.id = ra.outlet_id
              left join claim rc on rc.id = r.counter_claim_id
             where r.claim_id = c.id and r.stated_on <= :asOf)""";

    /**
     * PartyPosition for the claimant, the addressed party and every party that responded up to
     * :asOf, as PositionService.positionsOn derives them: the latest response of each party (of two
     * on one day, the one recorded last) and tracker_position's rule; in the same order.
     */
    private static final String POSITIONS = "(select " + array(object("party", ref("p"),
                    "role", word("case when p.id = c.claimant_id then 'claimant' when p.id = c.addressed_party_id"
                            + " then 'addressed' else 'respondent' end"),
                    "position", nullableWord("tracker_position(l.stance, p.id = c.claimant_id,"
                            + " p.id is not distinct from c.addressed_party_id)"),
                    "latestStance", nullableWord("l.stance"), "statedOn", nullable("l.stated_on"),
                    "responseId", nullableNumber("l.id")),
            "case when p.id = c.claimant_id then 0 when p.id = c.addressed_party_id then 1 else 2 end,"
                    + " lower(p.name), p.id") + """

              from (select c.claimant_id as party_id
                    union select c.addressed_party_id where c.addressed_party_id is not null
                    union select l.party_id from latest l) k
              join party p on p.id = k.party_id
              left join latest l on l.party_id = p.id)""";

    /** CounterClaimOf for each response (whenever stated) that names the claim as its counter-claim. */
    private static final String MADE_IN_RESPONSE_TO = "(select " + array(object("responseId", number("m.id"),
                    "claim", object("id", number("mc.id"), "proposition", text("mc.proposition")),
                    "party", ref("mp"), "stance", word("m.stance")), "m.stated_on, m.id") + """

              from response m
              join claim mc on mc.id = m.claim_id
              join party mp on mp.id = m.party_id
             where m.counter_claim_id = c.id)""";

    /**
     * ClaimDetail in its components' order: the references, lists and computed fields here, every plain
     * field (a column of claim of the component's name) by SqlJson.record, so a new plain field of the
     * claim needs no line here.
     */
    private static final String CLAIM = SqlJson.record(ClaimDetail.class, "c", Map.of(
            "claimant", ref("cl"), "speaker", optional("sp.id", ref("sp")),
            "addressedParty", optional("ad.id", ref("ad")),
            "incident", optional("i.id", object("id", number("i.id"), "name", text("i.title"))),
            "sources", SOURCES, "responses", RESPONSES, "positions", POSITIONS,
            "madeInResponseTo", MADE_IN_RESPONSE_TO, "asOf", nullable("cast(:shown as date)"), "audit", audit("c")));

    private static final String NAMED = """
            with latest as (
              select distinct on (r.party_id) r.party_id, r.id, r.stance, r.stated_on
                from response r
               where r.claim_id = :claim and r.stated_on <= :asOf
               order by r.party_id, r.stated_on desc, r.id desc
            )
            select c.version, """ + CLAIM + """

              from claim c
              join party cl on cl.id = c.claimant_id
              left join party sp on sp.id = c.speaker_id
              left join party ad on ad.id = c.addressed_party_id
              left join incident i on i.id = c.incident_id
             where c.id = :claim
            """;

    private static final Pattern MARKER = Pattern.compile("(?<!:):(claim|asOf|shown)\\b");

    /** The statement with JDBC's markers, and the names of the values they take, in order. */
    private static final NamedSql STATEMENT = NamedSql.of(NAMED, MARKER);

    private ClaimJson() {
    }

    /** The claim as GET answers it, as of {@code asOf} (null: today); a 404 problem when there is none. */
    static Written read(EntityManager em, long id, LocalDate asOf) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // Through the session's connection and statement inspector, as Hibernate's own statements go.
        String inspected = session.getJdbcSessionContext().getStatementInspector().inspect(STATEMENT.sql());
        Written written = session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(inspected)) {
                List<String> names = STATEMENT.names();
                for (int i = 0; i < names.size(); i++) {
                    switch (names.get(i)) {
                        case "claim" -> statement.setLong(i + 1, id);
                        case "asOf" -> statement.setObject(i + 1, Dates.orNoLimit(asOf), Types.DATE);
                        default -> statement.setObject(i + 1, asOf, Types.DATE);
                    }
                }
                try (ResultSet result = statement.executeQuery()) {
                    // The driver hands over the text PostgreSQL sent (UTF-8): no decoding, no encoding.
                    return result.next() ? new Written(result.getLong(1), SqlJson.jacksonEscapes(result.getBytes(2)))
                            : null;
                }
            }
        });
        if (written == null) {
            throw ApiProblem.notFound("claim", id);
        }
        return written;
    }
}
