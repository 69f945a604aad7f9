-- The dashboard's two position lists as they were computed before V5 (on the fly), for comparison
-- with bench/sql/dashboard.sql.  psql -d pos_scratch -f bench/sql/dashboard-on-the-fly.sql
\timing on
\o /dev/null
-- unresolved count
select count(*) from claim c
left join lateral (select r.stance from response r where r.claim_id = c.id and r.party_id = c.addressed_party_id order by r.stated_on desc, r.id desc limit 1) l on true
where c.addressed_party_id is not null and tracker_position(l.stance, c.claimant_id = c.addressed_party_id, true) = 'unresolved';
-- unresolved page
select c.id, c.proposition, c.stated_on, cl.id, cl.name, ad.id, ad.name, l.stance, current_date - c.stated_on
from claim c join party cl on cl.id = c.claimant_id join party ad on ad.id = c.addressed_party_id
left join lateral (select r.stance from response r where r.claim_id = c.id and r.party_id = c.addressed_party_id order by r.stated_on desc, r.id desc limit 1) l on true
where c.addressed_party_id is not null and tracker_position(l.stance, c.claimant_id = c.addressed_party_id, true) = 'unresolved'
order by c.stated_on, c.id limit 10 offset 0;
-- busiest
with pairs as (
  select c.id as claim_id, c.addressed_party_id as party_id from claim c where c.addressed_party_id is not null
  union
  select r.claim_id, r.party_id from response r
), latest as (
  select distinct on (r.claim_id, r.party_id) r.claim_id, r.party_id, r.stance
    from response r order by r.claim_id, r.party_id, r.stated_on desc, r.id desc
), positioned as (
  select k.party_id,
         tracker_position(l.stance, c.claimant_id = k.party_id, c.addressed_party_id is not distinct from k.party_id) as position
    from pairs k join claim c on c.id = k.claim_id
    left join latest l on l.claim_id = k.claim_id and l.party_id = k.party_id
), top as (
  select party_id from positioned where position is not null group by party_id order by count(*) desc, party_id limit 15
)
select p.id, p.name, x.position, count(*)
  from positioned x join top t on t.party_id = x.party_id join party p on p.id = x.party_id
 where x.position is not null group by p.id, p.name, x.position;
