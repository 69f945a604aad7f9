package org.claimtracker.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.article.ArticleRef;
import org.claimtracker.article.QuoteRequest;
import org.claimtracker.article.SoughtQuote;
import org.claimtracker.core.Actors;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Identified;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Ref;
import org.claimtracker.core.Rows;
import org.claimtracker.position.PartyPosition;
import org.claimtracker.position.Position;
import org.claimtracker.position.Role;

/**
 * A new claim and its sources written in one statement, as {@code ResponseInsert} writes a response:
 * PostgreSQL checks what the entity path checks in Java (the parties, the incident and every source
 * article exist; no article was published before the claim was stated; the ref is free; each quote is
 * in its article, exactly once when no offset is given; no passage is given twice), places the quotes,
 * inserts the claim and its sources and answers with what the claim's view shows. The articles' texts
 * never leave the database. A new claim has no responses, so its positions are those of its claimant
 * and addressed party before anyone answered ({@code tracker_position} of no stance), answered by the
 * same statement. When any check fails the statement inserts nothing and answers no row: the caller
 * then takes the entity path, whose checks name the field. Empty strings and 0 stand for "none" in the
 * parameters, so that no parameter is an untyped null; the sources travel as one JSON array.
 */
final class ClaimInsert {

    /** The statement; its inserts name every column of claim and claim_source (ClaimWriteTest checks). */
    static final String SQL = PlainFields.insert("""
            with given as (
              select g.ord, g.id, g.article_id, g.quote, g.start, g.length
                from jsonb_to_recordset(cast(:sources as jsonb))
                     as g(ord integer, id bigint, article_id bigint, quote text, start integer, length integer)
            ), placed as materialized (
              select g.ord, g.id, g.quote, g.length, a.id as article_id, a.title, a.published_on, a.url,
                     o.id as outlet_id, o.name as outlet_name,
                     case when g.start >= 0 then g.start else strpos(a.body, g.quote) - 1 end as quote_start
                from given g
                join article a on a.id = g.article_id
                join outlet o on o.id = a.outlet_id
               where a.published_on >= :statedOn
                 and case when g.start >= 0 then substr(a.body, g.start + 1, g.length) = g.quote
                          else strpos(a.body, g.quote) > 0
                               and strpos(substr(a.body, strpos(a.body, g.quote) + 1), g.quote) = 0 end
            ), asked as materialized (
              select cl.id as claimant_id, cl.name as claimant_name, sp.id as speaker_id, sp.name as speaker_name,
                     ad.id as addressed_id, ad.name as addressed_name, i.id as incident_id, i.title as incident_title
                from party cl
                left join party sp on sp.id = nullif(:speaker, 0)
                left join party ad on ad.id = nullif(:addressed, 0)
                left join incident i on i.id = nullif(:incident, 0)
               where cl.id = :claimant
                 and (:speaker = 0 or sp.id is not null)
                 and (:addressed = 0 or ad.id is not null)
                 and (:incident = 0 or i.id is not null)
                 and (:ref = '' or not exists (select 1 from claim c where c.ref = :ref))
                 and (select count(distinct (p.article_id, p.quote_start, p.length)) from placed p) = :count
                 and (select count(*) from placed p) = :count
            ), stored as (
              insert into claim (id, ref, claimant_id, speaker_id, addressed_party_id, proposition, incident_id, grading,
                                 version, created_at, created_by, updated_at, updated_by, PLAIN_COLUMNS)
              select :id, nullif(:ref, ''), k.claimant_id, k.speaker_id, k.addressed_id, :proposition, k.incident_id,
                     :grading, 0, now(), :actor, now(), :actor, PLAIN_VALUES
                from asked k cross join jsonb_populate_record(null::claim, cast(:plain as jsonb)) plain
              returning id, version, created_at, updated_at
            ), sourced as (
              insert into claim_source (id, claim_id, article_id, quote, quote_start, quote_end, created_at, created_by)
              select p.id, s.id, p.article_id, p.quote, p.quote_start, p.quote_start + p.length, now(), :actor
                from placed p cross join stored s
              returning id
            )
            select s.id, s.version, s.created_at, s.updated_at,
                   a.claimant_id, a.claimant_name, a.speaker_id, a.speaker_name, a.addressed_id, a.addressed_name,
                   a.incident_id, a.incident_title,
                   tracker_position(null, true, a.claimant_id = a.addressed_id),
                   tracker_position(null, false, true),
                   p.id, p.article_id, p.title, p.outlet_id, p.outlet_name, p.published_on, p.url, p.quote,
                   p.quote_start, p.quote_start + p.length
              from stored s cross join asked a cross join placed p
             order by p.ord
            """, ClaimRequest.class, ClaimService.BY_HAND);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimInsert() {
    }

    /** The stored claim's view, or null when a check failed and nothing was written. */
    static ClaimDetail insert(EntityManager em, ClaimRequest request) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (QuoteRequest source : request.sources()) {
            SoughtQuote sought = SoughtQuote.of(source);
            if (sought == null) {
                return null;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ord", sources.size());
            row.put("id", Identified.nextId(em, ClaimSource.class));
            row.put("article_id", sought.articleId());
            row.put("quote", sought.quote());
            row.put("start", sought.start());
            row.put("length", sought.length());
            sources.add(row);
        }
        Map<String, Object> plain = PlainFields.values(request, ClaimService.BY_HAND);
        String json;
        try {
            json = JSON.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            return null;
        }
        String ref = Lookup.trimToNull(request.ref());
        String proposition = request.proposition().strip();
        Grading grading = request.grading() == null ? Grading.unassessed : request.grading();
        String actor = Actors.current();
        Query query = em.createNativeQuery(SQL)
                .setParameter("sources", json)
                .setParameter("count", (long) sources.size())
                .setParameter("id", Identified.nextId(em, Claim.class))
                .setParameter("claimant", request.claimantId())
                .setParameter("speaker", zeroIfNull(request.speakerId()))
                .setParameter("addressed", zeroIfNull(request.addressedPartyId()))
                .setParameter("incident", zeroIfNull(request.incidentId()))
                .setParameter("ref", ref == null ? "" : ref)
                .setParameter("proposition", proposition)
                .setParameter("statedOn", request.statedOn())
                .setParameter("grading", grading.name())
                .setParameter("plain", PlainFields.json(plain))
                .setParameter("actor", actor);
        List<Object[]> rows = Rows.of(query);
        if (rows.isEmpty()) {
            return null;
        }
        Object[] first = rows.get(0);
        Ref claimant = Rows.ref(first[4], first[5]);
        Ref addressed = Rows.ref(first[8], first[9]);
        List<SourceView> views = rows.stream().map(r -> new SourceView(Rows.id(r[14]),
                new ArticleRef(Rows.id(r[15]), (String) r[16], Rows.ref(r[17], r[18]), Rows.date(r[19]), (String) r[20]),
                (String) r[21], ((Number) r[22]).intValue(), ((Number) r[23]).intValue())).toList();
        // As PositionService.positionsOn answers a claim no one has answered: the claimant, then the
        // addressed party (once, as the claimant, when they are the same).
        List<PartyPosition> positions = new ArrayList<>();
        positions.add(new PartyPosition(claimant, Role.claimant, position(first[12]), null, null, null));
        if (addressed != null && addressed.id() != claimant.id()) {
            positions.add(new PartyPosition(addressed, Role.addressed, position(first[13]), null, null, null));
        }
        // The plain fields answered as stored; the rest named here.
        Map<String, Object> answer = new HashMap<>(plain);
        answer.put("id", Rows.id(first[0]));
        answer.put("ref", ref);
        answer.put("claimant", claimant);
        answer.put("speaker", Rows.ref(first[6], first[7]));
        answer.put("addressedParty", addressed);
        answer.put("proposition", proposition);
        answer.put("incident", Rows.ref(first[10], first[11]));
        answer.put("grading", grading);
        answer.put("sources", views);
        answer.put("responses", List.of());
        answer.put("positions", positions);
        answer.put("madeInResponseTo", List.of());
        answer.put("asOf", null);
        answer.put("version", Rows.id(first[1]));
        answer.put("audit", new AuditInfo(Rows.timestamp(first[2]), actor, Rows.timestamp(first[3]), actor));
        return PlainFields.construct(ClaimDetail.class, answer);
    }

    private static long zeroIfNull(Long id) {
        return id == null ? 0L : id;
    }

    private static Position position(Object value) {
        return value == null ? null : Position.valueOf((String) value);
    }
}
