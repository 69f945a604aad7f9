-- The dashboard's two position lists (PositionService.unresolved and busiestParties), as read from
-- party_position and party_position_count (V5). Timings only; run twice and read the second run.
--   psql -d pos_scratch -f bench/sql/dashboard.sql
\set ON_ERROR_STOP on
\timing on
\o /dev/null
-- unresolved: total
select coalesce(sum(c.n), 0) from party_position_count c where c.position = 'unresolved';
-- unresolved: first page of 10, longest open first
select c.id, c.proposition, c.stated_on, cl.id, cl.name, ad.id, ad.name, pp.latest_stance, current_date - c.stated_on
  from party_position pp
  join claim c on c.id = pp.claim_id
  join party cl on cl.id = c.claimant_id
  join party ad on ad.id = pp.party_id
 where pp.position = 'unresolved'
 order by c.stated_on, c.id
 limit 10 offset 0;
-- busiest parties: top 15 with their counts
with top as (
  select c.party_id from party_position_count c
   group by c.party_id having sum(c.n) > 0 order by sum(c.n) desc, c.party_id limit 15
)
select p.id, p.name, c.position, c.n
  from party_position_count c join top t on t.party_id = c.party_id join party p on p.id = c.party_id
 where c.n <> 0;
