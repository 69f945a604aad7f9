package org.claimtracker.response;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.claimtracker.article.ArticleRef;
import org.claimtracker.article.ArticleText;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.core.Actors;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Identified;
import org.claimtracker.core.Lookup;
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

    /** The statement; its insert names every column of response (ResponseWriteTest checks). */
    static final String SQL = """
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
              insert into response (id, ref, claim_id, party_id, speaker_id, stance, stated_on, article_id, quote,
                                    quote_start, quote_end, counter_claim_id, note, version, created_at, created_by,
                                    updated_at, updated_by)
              select :id, nullif(:ref, ''), claim_id, party_id, speaker_id, :stance, :statedOn, article_id, :quote,
                     quote_start, quote_start + :length, counter_id, nullif(:note, ''), 0, now(), :actor, now(), :actor
                from asked
              returning id, version, created_at, updated_at, quote_start, quote_end
            )
            select s.id, s.version, s.created_at, s.updated_at, s.quote_start, s.quote_end,
                   a.claim_id, a.proposition, a.party_id, a.party_name, a.speaker_id, a.speaker_name,
                   a.counter_id, a.counter_proposition, a.article_id, a.title, a.published_on, a.url,
                   a.outlet_id, a.outlet_name
              from stored s cross join asked a
            """;

    private ResponseInsert() {
    }

    /** The stored response's view, or null when a check failed and nothing was written. */
    static ResponseDetail insert(EntityManager em, ResponseRequest request) {
        if (request.counterClaimId() != null && request.counterClaimId().equals(request.claimId())) {
            return null;
        }
        String quote = ArticleText.normalise(request.source().quote());
        int length = quote.codePointCount(0, quote.length());
        Integer start = request.source().start();
        Integer end = request.source().end();
        if (end != null && (start == null || end - start != length)) {
            return null;
        }
        String ref = Lookup.trimToNull(request.ref());
        String note = Lookup.trimToNull(request.note());
        String actor = Actors.current();
        long id = Identified.nextId(em, ClaimResponse.class);
        Query query = em.createNativeQuery(SQL)
                .setParameter("id", id)
                .setParameter("claim", request.claimId())
                .setParameter("party", request.partyId())
                .setParameter("speaker", request.speakerId() == null ? 0L : request.speakerId())
                .setParameter("counter", request.counterClaimId() == null ? 0L : request.counterClaimId())
                .setParameter("article", request.source().articleId())
                .setParameter("start", start == null ? -1 : start)
                .setParameter("length", length)
                .setParameter("quote", quote)
                .setParameter("ref", ref == null ? "" : ref)
                .setParameter("note", note == null ? "" : note)
                .setParameter("stance", request.stance().name())
                .setParameter("statedOn", request.statedOn())
                .setParameter("actor", actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        ArticleRef article = new ArticleRef(Rows.id(r[14]), (String) r[15], Rows.ref(r[18], r[19]), Rows.date(r[16]),
                (String) r[17]);
        return new ResponseDetail(Rows.id(r[0]), ref, new ClaimRef(Rows.id(r[6]), (String) r[7]), Rows.ref(r[8], r[9]),
                Rows.ref(r[10], r[11]), request.stance(), request.statedOn(),
                new QuoteView(article, quote, ((Number) r[4]).intValue(), ((Number) r[5]).intValue()),
                r[12] == null ? null : new ClaimRef(Rows.id(r[12]), (String) r[13]), note, Rows.id(r[1]),
                new AuditInfo(Rows.timestamp(r[2]), actor, Rows.timestamp(r[3]), actor));
    }
}
