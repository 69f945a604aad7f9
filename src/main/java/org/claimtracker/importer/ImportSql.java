package org.claimtracker.importer;

import java.util.List;

/**
 * The SQL of an import after the rows are staged: name lookups, the checks that need other rows
 * or the database (each answers src, line, field, message and optionally the other row's src and
 * line, which "{at}" in the message names), and the inserts into the tracker's tables. A name or
 * reference resolves to a record in the same import first, then to a stored one.
 */
final class ImportSql {

    private ImportSql() {
    }

    /** After the COPY: indexes for the lookups, statistics for the planner, name tables. */
    static final List<String> PREPARE = List.of(
            "create index on s_article (url)",
            "create index on s_claim (ref)",
            "create index on s_party (row_no)",
            "create index on s_claim (row_no)",
            "analyze s_outlet", "analyze s_party", "analyze s_alias", "analyze s_article", "analyze s_claim",
            "analyze s_source", "analyze s_response",
            """
            create temp table s_names on commit drop as
            select distinct on (key) key, party_id from (
              select tracker_lower_trim(name) as key, id as party_id, 1 as rank from s_party
              union all select tracker_lower_trim(name), id, 2 from party
              union all select tracker_lower_trim(a.alias), p.id, 3 from s_alias a join s_party p on p.row_no = a.party_row
              union all select tracker_lower_trim(alias), party_id, 4 from party_alias
            ) k order by key, rank
            """,
            "create unique index on s_names (key)",
            "analyze s_names",
            """
            create temp table s_outlet_names on commit drop as
            select distinct on (key) key, outlet_id from (
              select tracker_lower_trim(name) as key, id as outlet_id, 1 as rank from s_outlet
              union all select tracker_lower_trim(name), id, 2 from outlet
            ) k order by key, rank
            """,
            "create unique index on s_outlet_names (key)",
            "analyze s_outlet_names",
            // A quote given without its offset is found where it first occurs (-1: not in the text; null: no such article).
            locateQuotes("s_source"),
            locateQuotes("s_response"));

    /** Gives each quote of the staged table that came without its offset the offset of its first occurrence. */
    private static String locateQuotes(String table) {
        return """
                update %s s set quote_start = coalesce(
                  (select strpos(x.body, s.quote) from s_article x where x.url = s.article limit 1),
                  (select strpos(a.body, s.quote) from article a where a.url = s.article),
                  (select strpos(a.body, s.quote) from article a where a.id = s.article_id)) - 1
                 where s.quote_start is null
                """.formatted(table);
    }

    private static String repeated(String table, String key, String field, String message) {
        return """
                select src, line, '%s', '%s', first_src, first_line from (
                  select src, line, first_value(src) over w as first_src, first_value(line) over w as first_line,
                         row_number() over w as n
                    from %s where %s is not null
                  window w as (partition by %s order by row_no)) x
                 where n > 1
                """.formatted(field, message, table, key, key);
    }

    private static String unresolvedParty(String table, String column, String field) {
        return """
                select s.src, s.line, '%s', 'no party is named ' || s.%s, null::int, null::bigint
                  from %s s where s.%s is not null
                   and not exists (select 1 from s_names n where n.key = tracker_lower_trim(s.%s))
                """.formatted(field, column, table, column, column);
    }

    /** Article references of claim sources and responses: by URL (this import, then stored) or by id. */
    private static String unresolvedArticle(String table, String field, String idField) {
        return """
                select s.src, s.line, '%1$s', 'no article has the URL ' || s.article, null::int, null::bigint
                  from %3$s s where s.article is not null
                   and not exists (select 1 from s_article x where x.url = s.article)
                   and not exists (select 1 from article a where a.url = s.article)
                union all
                select s.src, s.line, '%2$s', 'no article has the id ' || s.article_id, null, null
                  from %3$s s where s.article_id is not null and not exists (select 1 from article a where a.id = s.article_id)
                union all
                select s.src, s.line, replace('%1$s', 'article', 'quote'), 'is not found verbatim in the article text', null, null
                  from %3$s s where s.quote_start = -1
                """.formatted(field, idField, table);
    }

    /**
     * Claim references of responses (the claim responded to, the counter-claim): by ref (this
     * import, then stored) or by id. Never the first select of a union: its nulls are untyped and
     * take their types from the union's first select.
     */
    private static String unresolvedClaim(String column, String field) {
        return """
                select s.src, s.line, '%2$s', 'no claim has the ref ' || s.%1$s, null, null
                  from s_response s where s.%1$s is not null
                   and not exists (select 1 from s_claim c where c.ref = s.%1$s)
                   and not exists (select 1 from claim c where c.ref = s.%1$s)
                union all
                select s.src, s.line, '%2$sId', 'no claim has the id ' || s.%1$s_id, null, null
                  from s_response s where s.%1$s_id is not null and not exists (select 1 from claim c where c.id = s.%1$s_id)
                """.formatted(column, field);
    }

    /** One check made of several: their rows together, in one query. */
    private static String unionAll(String... selects) {
        return String.join("union all\n", selects);
    }

    static final List<String> CHECKS = List.of(
            repeated("s_outlet", "tracker_lower_trim(name)", "name", "repeats the outlet name on {at}"),
            repeated("s_outlet", "domain", "domain", "repeats the domain on {at}"),
            """
            select s.src, s.line, 'name', 'an outlet with this name is already stored (id ' || o.id || ')', null::int, null::bigint
              from s_outlet s join outlet o on tracker_lower_trim(o.name) = tracker_lower_trim(s.name)
            union all
            select s.src, s.line, 'domain', 'an outlet with this domain is already stored (id ' || o.id || ')', null, null
              from s_outlet s join outlet o on o.domain = s.domain
            """,
            repeated("s_party", "tracker_lower_trim(name)", "name", "repeats the party name on {at}"),
            repeated("s_alias", "tracker_lower_trim(alias)", "aliases", "repeats an alias given on {at}"),
            """
            select s.src, s.line, 'name', 'a party with this name is already stored (id ' || p.id || ')', null::int, null::bigint
              from s_party s join party p on tracker_lower_trim(p.name) = tracker_lower_trim(s.name)
            union all
            select s.src, s.line, 'aliases[' || s.item || ']', 'the alias ' || s.alias || ' is already stored for party '
                   || a.party_id, null, null
              from s_alias s join party_alias a on tracker_lower_trim(a.alias) = tracker_lower_trim(s.alias)
            union all
            select s.src, s.line, 'parent', 'a party cannot be its own parent', null, null
              from s_party s where tracker_lower_trim(s.parent) = tracker_lower_trim(s.name)
            """,
            unresolvedParty("s_party", "parent", "parent"),
            """
            select s.src, s.line, 'outlet', 'no outlet is named ' || s.outlet, null::int, null::bigint
              from s_article s where not exists (select 1 from s_outlet_names n where n.key = tracker_lower_trim(s.outlet))
            union all
            select s.src, s.line, 'republishedFrom', 'no outlet is named ' || s.republished_from, null, null
              from s_article s where s.republished_from is not null
               and not exists (select 1 from s_outlet_names n where n.key = tracker_lower_trim(s.republished_from))
            union all
            select s.src, s.line, 'url', 'an article with this URL is already stored (id ' || a.id || ')', null, null
              from s_article s join article a on a.url = s.url
            union all
            select s.src, s.line, 'text', 'the same text is already stored as article ' || a.id, null, null
              from s_article s join article a on a.content_hash = s.content_hash
            """,
            repeated("s_article", "url", "url", "repeats the URL of the article on {at}"),
            repeated("s_article", "content_hash", "text", "has the same text as the article on {at}"),
            repeated("s_claim", "ref", "ref", "repeats the claim ref on {at}"),
            """
            select s.src, s.line, 'ref', 'a claim with this ref is already stored (id ' || c.id || ')', null::int, null::bigint
              from s_claim s join claim c on c.ref = s.ref
            union all
            select s.src, s.line, 'incident', 'no incident has the ref ' || s.incident, null, null
              from s_claim s where s.incident is not null and not exists (select 1 from incident i where i.ref = s.incident)
            """,
            unresolvedParty("s_claim", "claimant", "claimant"),
            unresolvedParty("s_claim", "speaker", "speaker"),
            unresolvedParty("s_claim", "addressed", "addressedParty"),
            unresolvedArticle("s_source", "sources[' || s.item || '].article", "sources[' || s.item || '].articleId"),
            repeated("s_response", "ref", "ref", "repeats the response ref on {at}"),
            unionAll("""
                    select s.src, s.line, 'ref', 'a response with this ref is already stored (id ' || r.id || ')',
                           null::int, null::bigint
                      from s_response s join response r on r.ref = s.ref
                    """,
                    unresolvedClaim("claim", "claim"),
                    unresolvedClaim("counter_claim", "counterClaim"),
                    """
                    select s.src, s.line, 'counterClaim', 'must be another claim than the one responded to', null, null
                      from s_response s where s.counter_claim = s.claim or s.counter_claim_id = s.claim_id
                    """),
            unresolvedParty("s_response", "party", "party"),
            unresolvedParty("s_response", "speaker", "speaker"),
            unresolvedArticle("s_response", "article", "articleId"));

    /** The inserts, parents before children; each names the table it fills. */
    record Insert(String table, String sql) {
    }

    /** The id of the article a staged row s quotes: by URL in this import, then stored, or by id. */
    static final String ARTICLE_ID = """
            coalesce((select x.id from s_article x where x.url = s.article limit 1),
                     (select a.id from article a where a.url = s.article), s.article_id)""";

    private static String claimId(String ref, String id) {
        return "coalesce((select x.id from s_claim x where x.ref = s." + ref + "), (select c.id from claim c where c.ref = s."
                + ref + "), s." + id + ")";
    }

    static final List<Insert> INSERTS = List.of(
            new Insert("outlet", """
                    insert into outlet (id, name, domain, country, kind, notes, created_by, updated_by)
                    select id, name, domain, country, kind, notes, :actor, :actor from s_outlet order by row_no
                    """),
            new Insert("party", """
                    insert into party (id, name, kind, parent_id, description, created_by, updated_by)
                    select s.id, s.name, s.kind, n.party_id, s.description, :actor, :actor
                      from s_party s left join s_names n on n.key = tracker_lower_trim(s.parent) order by s.row_no
                    """),
            new Insert("party_alias", """
                    insert into party_alias (id, party_id, alias, created_by)
                    select a.id, p.id, a.alias, :actor from s_alias a join s_party p on p.row_no = a.party_row order by a.row_no
                    """),
            new Insert("article", """
                    insert into article (id, outlet_id, title, authors, published_on, url, language, body, content_hash,
                                         republished_from_outlet_id, notes, created_by, updated_by)
                    select s.id, o.outlet_id, s.title, coalesce(s.authors, '{}'), s.published_on, s.url, coalesce(s.language, 'en'),
                           s.body, s.content_hash, r.outlet_id, s.notes, :actor, :actor
                      from s_article s
                      join s_outlet_names o on o.key = tracker_lower_trim(s.outlet)
                      left join s_outlet_names r on r.key = tracker_lower_trim(s.republished_from)
                     order by s.row_no
                    """),
            new Insert("claim", """
                    insert into claim (id, ref, claimant_id, speaker_id, addressed_party_id, incident_id, grading%s,
                                       created_by, updated_by)
                    select s.id, s.ref, cl.party_id, sp.party_id, ad.party_id, i.id, coalesce(s.grading, 'unassessed')%s,
                           :actor, :actor
                      from s_claim s
                      join s_names cl on cl.key = tracker_lower_trim(s.claimant)
                      left join s_names sp on sp.key = tracker_lower_trim(s.speaker)
                      left join s_names ad on ad.key = tracker_lower_trim(s.addressed)
                      left join incident i on i.ref = s.incident
                     order by s.row_no
                    """.formatted(RowType.CLAIM.plainColumns(""), RowType.CLAIM.plainColumns("s."))),
            new Insert("claim_source", """
                    insert into claim_source (id, claim_id, article_id, quote, quote_start, quote_end, created_by)
                    select s.id, c.id, %s, s.quote, s.quote_start, s.quote_start + char_length(s.quote), :actor
                      from s_source s join s_claim c on c.row_no = s.claim_row
                     order by s.row_no
                    """.formatted(ARTICLE_ID)),
            new Insert("response", """
                    insert into response (id, ref, claim_id, party_id, speaker_id, article_id, quote, quote_start, quote_end,
                                          counter_claim_id%s, created_by, updated_by)
                    select s.id, s.ref, %s, p.party_id, sp.party_id, %s, s.quote, s.quote_start,
                           s.quote_start + char_length(s.quote), %s%s, :actor, :actor
                      from s_response s
                      join s_names p on p.key = tracker_lower_trim(s.party)
                      left join s_names sp on sp.key = tracker_lower_trim(s.speaker)
                     order by s.row_no
                    """.formatted(RowType.RESPONSE.plainColumns(""), claimId("claim", "claim_id"), ARTICLE_ID,
                            claimId("counter_claim", "counter_claim_id"), RowType.RESPONSE.plainColumns("s."))));
}
