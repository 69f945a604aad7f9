-- The positions requests of one heavy party, as PositionService runs them, under EXPLAIN ANALYZE:
-- first computed on the fly (the POSITIONED query, still used for asOf), then read from the
-- maintained table party_position (V5), when the database has it.
--
--   psql -d pos_scratch -v party_name='Heavy 1' -f bench/sql/positions-heavy-party.sql
--
-- Each request of the API is a count (the page's total) and a page of 50; the summary is one
-- grouped count. The dataset comes from bench/sql/positions-dataset.sql. Run it twice and read
-- the second run: the first one also reads the tables into memory.

\set ON_ERROR_STOP on
\if :{?party_name}
\else
\set party_name 'Heavy 1'
\endif
select id as party from party where name = :'party_name' \gset
\echo party :party (:party_name)
select count(*) filter (where c.addressed_party_id = :party) as addressed_claims,
       (select count(*) from response r where r.party_id = :party) as responses
  from claim c where c.addressed_party_id = :party \gset
\echo addressed by :addressed_claims claims, :responses responses

set plan_cache_mode = force_custom_plan;

-- ---------------------------------------------------------------------------------------------
\echo
\echo ==== On the fly (POSITIONED, asOf = no limit) ====
prepare positioned_count(bigint, date) as
with latest as (
  select distinct on (r.claim_id) r.claim_id, r.id, r.stance, r.stated_on, r.article_id, r.quote
    from response r
   where r.party_id = $1 and r.stated_on <= $2
   order by r.claim_id, r.stated_on desc, r.id desc
), candidates as (
  select c.id from claim c where c.addressed_party_id = $1 and c.stated_on <= $2
  union
  select l.claim_id from latest l
), positioned as (
  select c.id, c.stated_on, l.stated_on as response_on,
         tracker_position(l.stance, c.claimant_id = $1, c.addressed_party_id is not distinct from $1) as position
    from candidates k
    join claim c on c.id = k.id
    left join latest l on l.claim_id = c.id
   where c.stated_on <= $2
)
select count(*) from positioned x where x.position is not null;

prepare positioned_page(bigint, date, int) as
with latest as (
  select distinct on (r.claim_id) r.claim_id, r.id, r.stance, r.stated_on, r.article_id, r.quote
    from response r
   where r.party_id = $1 and r.stated_on <= $2
   order by r.claim_id, r.stated_on desc, r.id desc
), candidates as (
  select c.id from claim c where c.addressed_party_id = $1 and c.stated_on <= $2
  union
  select l.claim_id from latest l
), positioned as (
  select c.id, c.ref, c.proposition, c.kind, c.stated_on, c.claimant_id, c.addressed_party_id, c.incident_id,
         l.id as response_id, l.stance, l.stated_on as response_on, l.article_id, l.quote,
         tracker_position(l.stance, c.claimant_id = $1, c.addressed_party_id is not distinct from $1) as position
    from candidates k
    join claim c on c.id = k.id
    left join latest l on l.claim_id = c.id
   where c.stated_on <= $2
)
select x.id, x.ref, x.proposition, x.kind, x.stated_on, cl.id, cl.name, ad.id, ad.name, i.id, i.title, x.position,
       x.response_id, x.stance, x.response_on, x.quote, a.id, a.title, a.published_on, a.url, o.id, o.name
  from positioned x
  join party cl on cl.id = x.claimant_id
  left join party ad on ad.id = x.addressed_party_id
  left join incident i on i.id = x.incident_id
  left join article a on a.id = x.article_id
  left join outlet o on o.id = a.outlet_id
 where x.position is not null
 order by coalesce(x.response_on, x.stated_on) desc, x.id desc
 limit 50 offset $3;

prepare positioned_summary(bigint, date) as
with latest as (
  select distinct on (r.claim_id) r.claim_id, r.id, r.stance, r.stated_on
    from response r
   where r.party_id = $1 and r.stated_on <= $2
   order by r.claim_id, r.stated_on desc, r.id desc
), candidates as (
  select c.id from claim c where c.addressed_party_id = $1 and c.stated_on <= $2
  union
  select l.claim_id from latest l
), positioned as (
  select tracker_position(l.stance, c.claimant_id = $1, c.addressed_party_id is not distinct from $1) as position
    from candidates k
    join claim c on c.id = k.id
    left join latest l on l.claim_id = c.id
   where c.stated_on <= $2
)
select x.position, count(*) from positioned x where x.position is not null group by x.position;

\echo -- count, all positions
explain (analyze, buffers, costs off) execute positioned_count(:party, '9999-12-31');
\echo -- page 0 of 50, all positions
explain (analyze, buffers, costs off) execute positioned_page(:party, '9999-12-31', 0);
\echo -- summary
explain (analyze, buffers, costs off) execute positioned_summary(:party, '9999-12-31');

-- ---------------------------------------------------------------------------------------------
select to_regclass('party_position') is not null as has_table \gset
\if :has_table
\echo
\echo ==== From party_position ====
prepare table_count(bigint) as
select count(*) from party_position pp where pp.party_id = $1;

prepare table_count_status(bigint, varchar) as
select count(*) from party_position pp where pp.party_id = $1 and pp.position = $2;

prepare table_page(bigint, int) as
with page as (
  select pp.claim_id, pp.position, pp.latest_response_id, pp.sort_on
    from party_position pp
   where pp.party_id = $1
   order by pp.sort_on desc, pp.claim_id desc
   limit 50 offset $2
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

prepare table_page_status(bigint, varchar, int) as
with page as (
  select pp.claim_id, pp.position, pp.latest_response_id, pp.sort_on
    from party_position pp
   where pp.party_id = $1 and pp.position = $2
   order by pp.sort_on desc, pp.claim_id desc
   limit 50 offset $3
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

prepare table_summary(bigint) as
select pp.position, count(*) from party_position pp where pp.party_id = $1 group by pp.position;

\echo -- count, all positions
explain (analyze, buffers, costs off) execute table_count(:party);
\echo -- count, unresolved
explain (analyze, buffers, costs off) execute table_count_status(:party, 'unresolved');
\echo -- page 0 of 50, all positions
explain (analyze, buffers, costs off) execute table_page(:party, 0);
\echo -- page 0 of 50, denied
explain (analyze, buffers, costs off) execute table_page_status(:party, 'denied', 0);
\echo -- page 100 of 50 (offset 5000), all positions
explain (analyze, buffers, costs off) execute table_page(:party, 5000);
\echo -- summary
explain (analyze, buffers, costs off) execute table_summary(:party);
\endif
