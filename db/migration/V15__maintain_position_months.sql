-- Positions per month, maintained. The party page draws how many positions of each kind a party
-- holds per month (PositionService.monthsOf): the month of sort_on, that is of the party's latest
-- response, or of the claim when it has none. Grouping the party's rows of party_position on every
-- view reads all of them: some 200,000 for the heaviest party at a million claims. As
-- party_position_count (V5) keeps the totals, party_position_month keeps the counts per month, and
-- party_scope_position_month those of party_scope_position (V14), kept by statement-level triggers
-- on the two tables themselves (so cascades and rebuilds through them are counted too). The page
-- then reads one row per month and position. As of a date, and with commentary's own positions,
-- the months are still computed on the fly (commentary is never in party_position, V9).
--
-- The month is the first day of the month of sort_on: date_trunc('month', sort_on::timestamp)::date,
-- the timestamp without time zone that monthsOf groups by, so no time zone rule can move a row.
-- Rows whose count falls to 0 stay, as in party_position_count: readers skip n = 0.

create function tracker_position_month(d date) returns date
  language sql immutable parallel safe
  as $$ select date_trunc('month', cast(d as timestamp))::date $$;

comment on function tracker_position_month(date) is
  'The month (its first day) in which a maintained position counts: that of its sort_on (V15).';

create table party_position_month (
  party_id bigint      not null constraint party_position_month_party_fk references party (id) on delete cascade,
  month    date        not null constraint party_position_month_first_day_check check (extract(day from month) = 1),
  position varchar(20) not null constraint party_position_month_position_check
             check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested')),
  -- Rows of party_position with this party and position whose sort_on falls in this month.
  n        bigint      not null,
  constraint party_position_month_pkey primary key (party_id, month, position)
);
comment on table party_position_month is
  'Derived, maintained by triggers on party_position: how many claims each party holds each position on, per month of sort_on (see V15).';

create table party_scope_position_month (
  root_id  bigint      not null constraint party_scope_position_month_root_fk references party (id) on delete cascade,
  scope    varchar(10) not null,
  month    date        not null constraint party_scope_position_month_first_day_check check (extract(day from month) = 1),
  position varchar(20) not null,
  -- Rows of party_scope_position with this root, scope and position whose sort_on falls in this month.
  n        bigint      not null,
  constraint party_scope_position_month_pkey primary key (root_id, scope, month, position)
);
comment on table party_scope_position_month is
  'Derived, maintained by triggers on party_scope_position: how many claims each party holds each rolled-up position on, per scope and month of sort_on (see V15).';

-- Each statement's changes, one row per key, in key order so that concurrent statements lock the
-- month rows in the same order (as V5's counts).
create function tracker_month_positions_insert() returns trigger
  language plpgsql as $$
begin
  insert into party_position_month as c (party_id, month, position, n)
  select d.party_id, tracker_position_month(d.sort_on), d.position, count(*) from new_rows d
   group by 1, 2, 3 order by 1, 2, 3
  on conflict (party_id, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_month_positions_update() returns trigger
  language plpgsql as $$
begin
  insert into party_position_month as c (party_id, month, position, n)
  select d.party_id, d.month, d.position, sum(d.k)
    from (select party_id, tracker_position_month(sort_on) as month, position, 1 as k from new_rows
          union all
          select party_id, tracker_position_month(sort_on), position, -1 from old_rows) d
   group by 1, 2, 3
  having sum(d.k) <> 0
   order by 1, 2, 3
  on conflict (party_id, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_month_positions_delete() returns trigger
  language plpgsql as $$
begin
  insert into party_position_month as c (party_id, month, position, n)
  select d.party_id, tracker_position_month(d.sort_on), d.position, -count(*) from old_rows d
   group by 1, 2, 3 order by 1, 2, 3
  on conflict (party_id, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create trigger party_position_month_insert after insert on party_position referencing new table as new_rows
  for each statement execute function tracker_month_positions_insert();
create trigger party_position_month_update after update on party_position
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_month_positions_update();
create trigger party_position_month_delete after delete on party_position referencing old table as old_rows
  for each statement execute function tracker_month_positions_delete();

create function tracker_month_scope_positions_insert() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_month as c (root_id, scope, month, position, n)
  select d.root_id, d.scope, tracker_position_month(d.sort_on), d.position, count(*) from new_rows d
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (root_id, scope, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_month_scope_positions_update() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_month as c (root_id, scope, month, position, n)
  select d.root_id, d.scope, d.month, d.position, sum(d.k)
    from (select root_id, scope, tracker_position_month(sort_on) as month, position, 1 as k from new_rows
          union all
          select root_id, scope, tracker_position_month(sort_on), position, -1 from old_rows) d
   group by 1, 2, 3, 4
  having sum(d.k) <> 0
   order by 1, 2, 3, 4
  on conflict (root_id, scope, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_month_scope_positions_delete() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_month as c (root_id, scope, month, position, n)
  select d.root_id, d.scope, tracker_position_month(d.sort_on), d.position, -count(*) from old_rows d
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (root_id, scope, month, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create trigger party_scope_position_month_insert after insert on party_scope_position referencing new table as new_rows
  for each statement execute function tracker_month_scope_positions_insert();
create trigger party_scope_position_month_update after update on party_scope_position
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_month_scope_positions_update();
create trigger party_scope_position_month_delete after delete on party_scope_position referencing old table as old_rows
  for each statement execute function tracker_month_scope_positions_delete();

-- The rebuilds of V5 and V14 truncate the maintained tables (a truncate fires no row or statement
-- delete trigger): they now truncate the months too, then refill everything through the triggers.
create or replace function tracker_rebuild_party_positions() returns void
  language plpgsql as $$
begin
  truncate party_position, party_position_count, party_position_month;
  perform tracker_refresh_party_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select c.addressed_party_id as party_id, c.id as claim_id from claim c where c.addressed_party_id is not null
           union all
           select r.party_id, r.claim_id from response r) x;
end $$;

create or replace function tracker_rebuild_scope_positions() returns void
  language plpgsql as $$
begin
  truncate party_scope_position, party_scope_position_count, party_scope_position_month;
  perform tracker_refresh_scope_roots(array_agg(x.root_id), array_agg(x.scope))
     from (select distinct p.parent_id as root_id, s.scope::varchar as scope
             from party p, (values ('parts'), ('members')) s (scope)
            where p.parent_id is not null
           union
           select distinct m.group_id, 'members' from party_membership m) x;
end $$;

-- Backfill from what is maintained now (the triggers above see only later changes).
insert into party_position_month (party_id, month, position, n)
select pp.party_id, tracker_position_month(pp.sort_on), pp.position, count(*)
  from party_position pp
 group by 1, 2, 3
 order by 1, 2, 3;

insert into party_scope_position_month (root_id, scope, month, position, n)
select sp.root_id, sp.scope, tracker_position_month(sp.sort_on), sp.position, count(*)
  from party_scope_position sp
 group by 1, 2, 3, 4
 order by 1, 2, 3, 4;

analyze party_position_month;
analyze party_scope_position_month;
