package org.claimtracker.response;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;
import org.claimtracker.article.ArticleRef;
import org.claimtracker.article.SoughtQuote;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.core.Actors;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Identified;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Rows;

/**
 * A new response written in one statement: PostgreSQL checks what the entity path checks in Java
 * (the claim, parties and article exist; the dates are in order; the ref is free; the quote is in the
 * article, exactly once when no offset is given), places the quote, inserts the row and answers with
 * what the response's view shows. The article's text never leaves the database, and the quote is
 * compared with it there (the insert trigger compares it again, a few hundred bytes). When any check
 * fails the statement inserts nothing and answers no row: the caller then takes the entity path,
 * whose checks name the field and say what is wrong. Empty strings and 0 stand for "none" in the
 * parameters, so that no parameter is ever an untyped null.
 */
final class ResponseInsert {

    /**
     * The statement; its insert names every column of response (ResponseWriteTest checks): the plain ones
     * (ResponseRequest's components but those ResponseService.BY_HAND names) from one JSON object read into
     * the row's types by jsonb_populate_record, so that a new plain field needs no line here.
     */
    static final String SQL = PlainFields.insert("""
            with asked as materialized (
              select c.id as claim_id, c.proposition, p.id as party_id, p.name as party_name,
                     sp.id as speaker_id, sp.name as speaker_name, cc.id as counter_id, cc.proposition as counter_proposition,
                     a.id as article_id, a.title, a.published_on, a.url, o.id as outlet_id, o.name as outlet_name,
                     case when :start >= 0 then :start else strpos(a.body, :quote) - 1 end as quote_start
                from claim c
                join party p on p.id = :party
                join article a on a.id = :article
                join outlet o on o.id = a.outlet_id
                left join party sp on sp.id = nullif(:speaker, 0)
                left join claim cc on cc.id = nullif(:counter, 0)
               where c.id = :claim
                 and c.stated_on <= :statedOn and a.published_on >= :statedOn
                 and (:speaker = 0 or sp.id is not null)
                 and (:counter = 0 or cc.id is not null)
                 and (:ref = '' or not exists (select 1 from response r where r.ref = :ref))
                 and case when :start >= 0 then substr(a.body, :start + 1, :length) = :quote
                          else strpos(a.body, :quote) > 0
                               and strpos(substr(a.body, strpos(a.body, :quote) + 1), :quote) = 0 end
            ), stored as (
              insert into response (id, ref, claim_id, party_id, speaker_id, article_id, quote, quote_start, quote_end,
                                    counter_claim_id, version, created_at, created_by, updated_at, updated_by, PLAIN_COLUMNS)
              select :id, nullif(:ref, ''), k.claim_id, k.party_id, k.speaker_id, k.article_id, :quote, k.quote_start,
                     k.quote_start + :length, k.counter_id, 0, now(), :actor, now(), :actor, PLAIN_VALUES
                from asked k cross join jsonb_populate_record(null::response, cast(:plain as jsonb)) plain
              returning id, version, created_at, updated_at, quote_start, quote_end
            )
            select s.id, s.version, s.created_at, s.updated_at, s.quote_start, s.quote_end,
                   a.claim_id, a.proposition, a.party_id, a.party_name, a.speaker_id, a.speaker_name,
                   a.counter_id, a.counter_proposition, a.article_id, a.title, a.published_on, a.url,
                   a.outlet_id, a.outlet_name
              from stored s cross join asked a
            """, ResponseRequest.class, ResponseService.BY_HAND);

    private ResponseInsert() {
    }

    /** The stored response's view, or null when a check failed and nothing was written. */
    static ResponseDetail insert(EntityManager em, ResponseRequest request) {
        if (request.counterClaimId() != null && request.counterClaimId().equals(request.claimId())) {
            return null;
        }
        SoughtQuote sought = SoughtQuote.of(request.source());
        if (sought == null) {
            return null;
        }
        String ref = Lookup.trimToNull(request.ref());
        Map<String, Object> plain = PlainFields.values(request, ResponseService.BY_HAND);
        String actor = Actors.current();
        Query query = em.createNativeQuery(SQL)
                .setParameter("id", Identified.nextId(em, ClaimResponse.class))
                .setParameter("claim", request.claimId())
                .setParameter("party", request.partyId())
                .setParameter("speaker", request.speakerId() == null ? 0L : request.speakerId())
                .setParameter("counter", request.counterClaimId() == null ? 0L : request.counterClaimId())
                .setParameter("article", sought.articleId())
                .setParameter("start", sought.start())
                .setParameter("length", sought.length())
                .setParameter("quote", sought.quote())
                .setParameter("ref", ref == null ? "" : ref)
                .setParameter("statedOn", request.statedOn())
                .setParameter("plain", PlainFields.json(plain))
                .setParameter("actor", actor);
        Object[] r = Rows.first(query);
        if (r == null) {
            return null;
        }
        ArticleRef article = new ArticleRef(Rows.id(r[14]), (String) r[15], Rows.ref(r[18], r[19]), Rows.date(r[16]),
                (String) r[17]);
        // The plain fields answered as stored; the rest named here.
        Map<String, Object> answer = new HashMap<>(plain);
        answer.put("id", Rows.id(r[0]));
        answer.put("ref", ref);
        answer.put("claim", new ClaimRef(Rows.id(r[6]), (String) r[7]));
        answer.put("party", Rows.ref(r[8], r[9]));
        answer.put("speaker", Rows.ref(r[10], r[11]));
        answer.put("source", new QuoteView(article, sought.quote(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue()));
        answer.put("counterClaim", r[12] == null ? null : new ClaimRef(Rows.id(r[12]), (String) r[13]));
        answer.put("version", Rows.id(r[1]));
        answer.put("audit", new AuditInfo(Rows.timestamp(r[2]), actor, Rows.timestamp(r[3]), actor));
        return PlainFields.construct(ResponseDetail.class, answer);
    }
}
