-- A hierarchy over the synthetic dataset of positions-dataset.sql (run that first, in the same
-- scratch database), for measuring the scoped positions (scope=parts and scope=members, issue 16):
--
--   psql -d pos_scratch -f bench/sql/positions-dataset.sql
--   psql -d pos_scratch -f bench/sql/positions-coalition.sql
--   psql -d pos_scratch -c 'select tracker_rebuild_party_positions()'            # triggers were off
--   psql -d pos_scratch -c 'select tracker_rebuild_scope_positions()'            # from V14 on
--   psql -d pos_scratch -c 'vacuum analyze'
--
-- Shape (deterministic: setseed):
--   "Synthetic coalition" (kind coalition) with a part of its own ("Coalition secretariat") and 20
--   member states: "Heavy 1" to "Heavy 3" (members throughout) and synthetic parties 5 to 21,
--   ten of which joined on dates between 2016 and 2017, and seven of which left (one of them
--   rejoined later, so it has two memberships).
--   Each member has parts: a government (parent: the member), a ministry (parent: the
--   government), armed forces (parent: the member); the three heavy members also a spokesman
--   (parent: the ministry). Chains of two and three levels.
--   A quarter of the claims addressed to each member are addressed to one of its parts instead,
--   and a third of each member's responses are given by one of its parts; one response in a
--   hundred of the busy monitor is the secretariat's.
--
-- Like positions-dataset.sql it switches triggers off, so the maintained tables must be rebuilt
-- after it (the commands above).

\set ON_ERROR_STOP on
\timing on
set session_replication_role = replica;
select setseed(0.16);

insert into party (name, kind, created_by, updated_by)
values ('Synthetic coalition', 'coalition', 'bench', 'bench');
insert into party (name, kind, parent_id, created_by, updated_by)
select 'Coalition secretariat', 'government_body', id, 'bench', 'bench' from party where name = 'Synthetic coalition';

-- The members by their number in positions-dataset.sql (1..3 and 5..21), in the order made.
create temporary table bench_member as
select row_number() over (order by p.id)::int as k, p.id
  from (select id, row_number() over (order by id)::int as n from party
         where created_by = 'bench' and name not in ('Synthetic coalition', 'Coalition secretariat')) p
 where p.n in (1, 2, 3) or p.n between 5 and 21;

insert into party_membership (member_id, group_id, valid_from, valid_to, role, created_by, updated_by)
select m.id, c.id,
       case when m.k <= 3 then null
            when m.k <= 13 then date '2016-01-01' + (m.k - 4) * 60           -- joined 2016-2017
            else date '2015-03-01' end,
       case when m.k <= 13 then null
            else date '2019-01-01' + (m.k - 14) * 120 end,                     -- left 2019-2021
       'member', 'bench', 'bench'
  from bench_member m, party c
 where c.name = 'Synthetic coalition';
-- The last member that left rejoined.
insert into party_membership (member_id, group_id, valid_from, valid_to, role, created_by, updated_by)
select m.id, c.id, date '2023-01-01', null, 'member', 'bench', 'bench'
  from bench_member m, party c
 where c.name = 'Synthetic coalition' and m.k = 20;

insert into party (name, kind, parent_id, created_by, updated_by)
select p.name || ' government', 'government_body', m.id, 'bench', 'bench'
  from bench_member m join party p on p.id = m.id;
insert into party (name, kind, parent_id, created_by, updated_by)
select p.name || ' armed forces', 'armed_force', m.id, 'bench', 'bench'
  from bench_member m join party p on p.id = m.id;
insert into party (name, kind, parent_id, created_by, updated_by)
select p.name || ' ministry', 'government_body', g.id, 'bench', 'bench'
  from bench_member m join party p on p.id = m.id join party g on g.parent_id = m.id and g.kind = 'government_body';
insert into party (name, kind, parent_id, created_by, updated_by)
select p.name || ' spokesman', 'person', mi.id, 'bench', 'bench'
  from bench_member m join party p on p.id = m.id
  join party g on g.parent_id = m.id and g.kind = 'government_body'
  join party mi on mi.parent_id = g.id
 where m.k <= 3;

-- Each member's parts, numbered 1..n.
create temporary table bench_part as
with recursive down (member_id, id) as (
  select m.id, p.id from bench_member m join party p on p.parent_id = m.id
  union
  select d.member_id, p.id from down d join party p on p.parent_id = d.id
)
select member_id, id, row_number() over (partition by member_id order by id)::int as i,
       count(*) over (partition by member_id)::int as n
  from down;
create unique index on bench_part (member_id, i);

update claim c
   set addressed_party_id = x.id
  from (select c2.id as claim_id, bp.id
          from claim c2
          join bench_part bp on bp.member_id = c2.addressed_party_id
           and bp.i = 1 + (hashint8(c2.id) & 1023) % bp.n
         where (hashint8(c2.id) >> 10) & 3 = 0) x
 where c.id = x.claim_id;

update response r
   set party_id = x.id
  from (select r2.id as response_id, bp.id
          from response r2
          join bench_part bp on bp.member_id = r2.party_id
           and bp.i = 1 + (hashint8(r2.id) & 1023) % bp.n
         where (hashint8(r2.id) >> 10) % 3 = 0) x
 where r.id = x.response_id;

update response r
   set party_id = (select id from party where name = 'Coalition secretariat')
 where r.party_id = (select id from party where name = 'Busy monitor') and hashint8(r.id) % 100 = 0;

reset session_replication_role;

select (select id from party where name = 'Synthetic coalition') as coalition,
       (select count(*) from party_membership m join party c on c.id = m.group_id
         where c.name = 'Synthetic coalition') as memberships,
       (select count(*) from bench_part) as member_parts;
