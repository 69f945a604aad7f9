-- One GET /api/parties/{party}/claims?status=&page=&size=50 as PositionService runs it without
-- asOf: the total, then the page. Status: any or one of the five, at random; pages 0 to 19.
--   pgbench -n -M prepared -c 1 -T 60 -D party=1 -f bench/pgbench/positions-page.sql --log pos_scratch
\set page random(0, 19)
\set s random(0, 5)
\if :s = 0
select coalesce(sum(c.n), 0) from party_position_count c where c.party_id = :party;
with page as (
  select pp.claim_id, pp.position, pp.latest_response_id, pp.sort_on
    from party_position pp
   where pp.party_id = :party
   order by pp.sort_on desc, pp.claim_id desc
   limit 50 offset :page * 50
)
select c.id, c.ref, c.proposition, c.kind, c.stated_on, cl.id, cl.name, ad.id, ad.name, i.id, i.title, x.position,
       r.id, r.stance, r.stated_on, r.quote, a.id, a.title, a.published_on, a.url, o.id, o.name
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id
 order by x.sort_on desc, x.claim_id desc;
\else
select coalesce(sum(c.n), 0) from party_position_count c
 where c.party_id = :party
   and c.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn'])[:s];
with page as (
  select pp.claim_id, pp.position, pp.latest_response_id, pp.sort_on
    from party_position pp
   where pp.party_id = :party
     and pp.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn'])[:s]
   order by pp.sort_on desc, pp.claim_id desc
   limit 50 offset :page * 50
)
select c.id, c.ref, c.proposition, c.kind, c.stated_on, cl.id, cl.name, ad.id, ad.name, i.id, i.title, x.position,
       r.id, r.stance, r.stated_on, r.quote, a.id, a.title, a.published_on, a.url, o.id, o.name
  from page x
  join claim c on c.id = x.claim_id
  join party cl on cl.id = c.claimant_id
  left join party ad on ad.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join response r on r.id = x.latest_response_id
  left join article a on a.id = r.article_id
  left join outlet o on o.id = a.outlet_id
 order by x.sort_on desc, x.claim_id desc;
\endif
