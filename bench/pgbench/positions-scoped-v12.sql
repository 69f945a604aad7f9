-- One GET /api/parties/{party}/claims?scope=&status=&page=&size=50 as the tracker sent it before
-- V14 (captured from the server log with bench/pgcapture.pl, then the party, scope, status and page
-- made variables): the count, then the page, each over tracker_scoped_positions (V12) computed on
-- the fly. Status: any or one of the six, at random; pages 0 to 19. The date is a variable: the
-- current page then was asOf=9999-12-31; as of a date, the tracker sent the same until V22.
--   pgbench -n -M prepared -c 1 -t 5 -D party=250001 -D scope=members -D asOf=9999-12-31 -f bench/pgbench/positions-scoped-v12.sql pos_scratch
\set page random(0, 19)
\set s random(0, 6)
\if :s = 0
with positioned as (
  select s.claim_id, s.position, s.response_id, s.respondent_id, s.sort_on
    from tracker_scoped_positions(:party, cast(:scope as varchar), cast(:asOf as date), false) s
)
select (select count(*) from positioned x where true) from party p where p.id = :party;
with positioned as (
  select s.claim_id, s.position, s.response_id, s.respondent_id, s.sort_on
    from tracker_scoped_positions(:party, cast(:scope as varchar), cast(:asOf as date), false) s
)
, page as (
  select x.claim_id as claim_id, x.position, x.response_id as latest_response_id, x.sort_on as sort_on
    from positioned x
   where true
   order by sort_on desc, claim_id desc
   limit 50 offset :page * 50
)
select '[' || coalesce(string_agg(('{"claimId":' || c.id::text || ',"ref":' || coalesce(to_json(c.ref)::text, 'null') || ',"proposition":' || to_json(c.proposition)::text || ',"kind":' || '"' || c.kind || '"' || ',"statedOn":' || to_json(c.stated_on)::text || ',"claimant":' || ('{"id":' || cl.id::text || ',"name":' || to_json(cl.name)::text || '}') || ',"addressedParty":' || (case when ad.id is null then 'null' else ('{"id":' || ad.id::text || ',"name":' || to_json(ad.name)::text || '}') end) || ',"incident":' || (case when i.id is null then 'null' else ('{"id":' || i.id::text || ',"name":' || to_json(i.title)::text || '}') end) || ',"position":' || '"' || x.position || '"' || ',"latestResponse":' || (case when r.id is null then 'null' else ('{"id":' || r.id::text || ',"stance":' || '"' || r.stance || '"' || ',"statedOn":' || to_json(r.stated_on)::text || ',"article":' || ('{"id":' || a.id::text || ',"title":' || to_json(a.title)::text || ',"outlet":' || (case when o.id is null then 'null' else ('{"id":' || o.id::text || ',"name":' || to_json(o.name)::text || '}') end) || ',"publishedOn":' || to_json(a.published_on)::text || ',"url":' || coalesce(to_json(a.url)::text, 'null') || '}') || ',"quote":' || to_json(r.quote)::text || '}') end) || ',"respondent":' || (case when rp.id is null then 'null' else ('{"id":' || rp.id::text || ',"name":' || to_json(rp.name)::text || '}') end) || '}'), ',' order by x.sort_on desc, x.claim_id desc), '') || ']' as json
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join party rp on rp.id = r.party_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id;
\else
with positioned as (
  select s.claim_id, s.position, s.response_id, s.respondent_id, s.sort_on
    from tracker_scoped_positions(:party, cast(:scope as varchar), cast(:asOf as date), false) s
)
select (select count(*) from positioned x where x.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'])[:s]) from party p where p.id = :party;
with positioned as (
  select s.claim_id, s.position, s.response_id, s.respondent_id, s.sort_on
    from tracker_scoped_positions(:party, cast(:scope as varchar), cast(:asOf as date), false) s
)
, page as (
  select x.claim_id as claim_id, x.position, x.response_id as latest_response_id, x.sort_on as sort_on
    from positioned x
   where x.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'])[:s]
   order by sort_on desc, claim_id desc
   limit 50 offset :page * 50
)
select '[' || coalesce(string_agg(('{"claimId":' || c.id::text || ',"ref":' || coalesce(to_json(c.ref)::text, 'null') || ',"proposition":' || to_json(c.proposition)::text || ',"kind":' || '"' || c.kind || '"' || ',"statedOn":' || to_json(c.stated_on)::text || ',"claimant":' || ('{"id":' || cl.id::text || ',"name":' || to_json(cl.name)::text || '}') || ',"addressedParty":' || (case when ad.id is null then 'null' else ('{"id":' || ad.id::text || ',"name":' || to_json(ad.name)::text || '}') end) || ',"incident":' || (case when i.id is null then 'null' else ('{"id":' || i.id::text || ',"name":' || to_json(i.title)::text || '}') end) || ',"position":' || '"' || x.position || '"' || ',"latestResponse":' || (case when r.id is null then 'null' else ('{"id":' || r.id::text || ',"stance":' || '"' || r.stance || '"' || ',"statedOn":' || to_json(r.stated_on)::text || ',"article":' || ('{"id":' || a.id::text || ',"title":' || to_json(a.title)::text || ',"outlet":' || (case when o.id is null then 'null' else ('{"id":' || o.id::text || ',"name":' || to_json(o.name)::text || '}') end) || ',"publishedOn":' || to_json(a.published_on)::text || ',"url":' || coalesce(to_json(a.url)::text, 'null') || '}') || ',"quote":' || to_json(r.quote)::text || '}') end) || ',"respondent":' || (case when rp.id is null then 'null' else ('{"id":' || rp.id::text || ',"name":' || to_json(rp.name)::text || '}') end) || '}'), ',' order by x.sort_on desc, x.claim_id desc), '') || ']' as json
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join party rp on rp.id = r.party_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id;
\endif
