-- One GET /api/parties/{party}/claims?scope=&status=&page=&size=50 as the tracker sends it from V14
-- on (captured from the server log with bench/pgcapture.pl, then the party, scope, status and page
-- made variables): one statement, the count from party_scope_position_count and the page from
-- party_scope_position, for a party whose scope is rolled. Status: any or one of the six, at
-- random; pages 0 to 19.
--   pgbench -n -M prepared -c 2 -j 2 -T 10 -D party=250001 -D scope=members -f bench/pgbench/positions-scoped-page.sql pos_scratch
\set page random(0, 19)
\set s random(0, 6)
\if :s = 0
with page as (select pp.claim_id, pp.position, pp.response_id as latest_response_id, pp.sort_on from party_scope_position pp where pp.root_id = :party and pp.scope = :scope order by pp.sort_on desc, pp.claim_id desc limit 50 offset :page * 50)
, items as (select '[' || coalesce(string_agg(('{"claimId":' || c.id::text || ',"ref":' || coalesce(to_json(c.ref)::text, 'null') || ',"proposition":' || to_json(c.proposition)::text || ',"kind":' || '"' || c.kind || '"' || ',"statedOn":' || to_json(c.stated_on)::text || ',"claimant":' || ('{"id":' || cl.id::text || ',"name":' || to_json(cl.name)::text || '}') || ',"addressedParty":' || (case when ad.id is null then 'null' else ('{"id":' || ad.id::text || ',"name":' || to_json(ad.name)::text || '}') end) || ',"incident":' || (case when i.id is null then 'null' else ('{"id":' || i.id::text || ',"name":' || to_json(i.title)::text || '}') end) || ',"position":' || '"' || x.position || '"' || ',"latestResponse":' || (case when r.id is null then 'null' else ('{"id":' || r.id::text || ',"stance":' || '"' || r.stance || '"' || ',"statedOn":' || to_json(r.stated_on)::text || ',"article":' || ('{"id":' || a.id::text || ',"title":' || to_json(a.title)::text || ',"outlet":' || (case when o.id is null then 'null' else ('{"id":' || o.id::text || ',"name":' || to_json(o.name)::text || '}') end) || ',"publishedOn":' || to_json(a.published_on)::text || ',"url":' || coalesce(to_json(a.url)::text, 'null') || '}') || ',"quote":' || to_json(r.quote)::text || '}') end) || ',"respondent":' || (case when rp.id is null then 'null' else ('{"id":' || rp.id::text || ',"name":' || to_json(rp.name)::text || '}') end) || '}'), ',' order by x.sort_on desc, x.claim_id desc), '') || ']' as json
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join party rp on rp.id = r.party_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id
) select (select coalesce(sum(pp.n), 0) from party_scope_position_count pp where pp.root_id = p.id and pp.scope = :scope), items.json, tracker_scope_is_rolled(p.id, :scope) from party p, items where p.id = :party;
\else
with page as (select pp.claim_id, pp.position, pp.response_id as latest_response_id, pp.sort_on from party_scope_position pp where pp.root_id = :party and pp.scope = :scope and pp.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'])[:s] order by pp.sort_on desc, pp.claim_id desc limit 50 offset :page * 50)
, items as (select '[' || coalesce(string_agg(('{"claimId":' || c.id::text || ',"ref":' || coalesce(to_json(c.ref)::text, 'null') || ',"proposition":' || to_json(c.proposition)::text || ',"kind":' || '"' || c.kind || '"' || ',"statedOn":' || to_json(c.stated_on)::text || ',"claimant":' || ('{"id":' || cl.id::text || ',"name":' || to_json(cl.name)::text || '}') || ',"addressedParty":' || (case when ad.id is null then 'null' else ('{"id":' || ad.id::text || ',"name":' || to_json(ad.name)::text || '}') end) || ',"incident":' || (case when i.id is null then 'null' else ('{"id":' || i.id::text || ',"name":' || to_json(i.title)::text || '}') end) || ',"position":' || '"' || x.position || '"' || ',"latestResponse":' || (case when r.id is null then 'null' else ('{"id":' || r.id::text || ',"stance":' || '"' || r.stance || '"' || ',"statedOn":' || to_json(r.stated_on)::text || ',"article":' || ('{"id":' || a.id::text || ',"title":' || to_json(a.title)::text || ',"outlet":' || (case when o.id is null then 'null' else ('{"id":' || o.id::text || ',"name":' || to_json(o.name)::text || '}') end) || ',"publishedOn":' || to_json(a.published_on)::text || ',"url":' || coalesce(to_json(a.url)::text, 'null') || '}') || ',"quote":' || to_json(r.quote)::text || '}') end) || ',"respondent":' || (case when rp.id is null then 'null' else ('{"id":' || rp.id::text || ',"name":' || to_json(rp.name)::text || '}') end) || '}'), ',' order by x.sort_on desc, x.claim_id desc), '') || ']' as json
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join party rp on rp.id = r.party_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id
) select (select coalesce(sum(pp.n), 0) from party_scope_position_count pp where pp.root_id = p.id and pp.scope = :scope and pp.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'])[:s]), items.json, tracker_scope_is_rolled(p.id, :scope) from party p, items where p.id = :party;
\endif
