-- Current positions, maintained. A party's position on a claim is derived (tracker_position, V1)
-- from its latest response; computing it on the fly for a party addressed by 100,000 claims takes
-- seconds. party_position keeps one row per (party, claim) whose current position is not null,
-- with what the positions pages sort and show, and triggers keep it equal to the on-the-fly
-- answer in the same transaction as every change of a claim or a response. The API reads it for
-- the current state; "as of" a past date is still computed on the fly.
--
-- Maintenance is set-based: statement-level triggers with transition tables collect the
-- (party, claim) pairs a statement may have changed and recompute them all in one statement
-- (tracker_refresh_party_positions), so a bulk import (INSERT ... SELECT, COPY) of millions of
-- rows costs one recomputation per statement, not a trigger call per row. The recomputation
-- applies tracker_position, the one definition of the rule.
--
-- Which pairs a change can move:
--   response insert, delete          (party, claim) of each row
--   response update                  old and new (party, claim) of each row whose party, claim,
--                                    stance or date changed
--   claim insert                     (addressed party, claim): a claim starts unresolved for it
--   claim update                     old and new claimant and addressed party when they change,
--                                    and every stored pair of the claim when its date changes
--                                    (the sort date of a pair without a response is the claim's)
--   claim delete                     the foreign key cascades (a claim with responses cannot be
--                                    deleted: response.claim_id does not cascade)
--   party delete                     the foreign key cascades
--   truncate response                everything is rebuilt (tracker_rebuild_party_positions)
--
-- party_position_count keeps how many rows each (party, position) has in party_position, kept by
-- triggers on party_position itself (so cascades are counted too): the total of a page and a
-- party's summary read one to five rows instead of counting up to 100,000 index entries, which
-- for the heaviest party of the benchmark took 4 ms typically and 30 ms at the 99th percentile,
-- more than a whole page should (bench/POSITIONS.md).

create table party_position (
  party_id           bigint      not null constraint party_position_party_fk references party (id) on delete cascade,
  claim_id           bigint      not null constraint party_position_claim_fk references claim (id) on delete cascade,
  position           varchar(20) not null constraint party_position_position_check
                       check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn')),
  is_claimant        boolean     not null,
  is_addressed       boolean     not null,
  -- The party's latest response (by stated_on, then id); null when it has not responded (an
  -- addressed party that is silent). No foreign key: the response triggers replace it in the same
  -- statement that deletes the response, and a key would cost an index and a check per row.
  latest_response_id bigint,
  latest_stance      varchar(20),
  latest_stated_on   date,
  -- What the positions pages sort by: coalesce(latest response's stated_on, claim's stated_on),
  -- then the claim id, both descending.
  sort_on            date        not null,
  constraint party_position_pkey primary key (party_id, claim_id),
  constraint party_position_latest_complete
    check ((latest_response_id is null) = (latest_stance is null) and (latest_stance is null) = (latest_stated_on is null))
);
comment on table party_position is
  'Derived, maintained by triggers: each party''s current position on each claim it holds one on (see V5).';

-- Pages are read with index-only scans up to the page, which need the visibility map to be
-- current: vacuum this busy table after 2% of it changed rather than the default 20%.
alter table party_position set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
                                autovacuum_analyze_scale_factor = 0.02);

create table party_position_count (
  party_id bigint      not null constraint party_position_count_party_fk references party (id) on delete cascade,
  position varchar(20) not null constraint party_position_count_position_check
             check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn')),
  -- Rows of party_position with this party and position; 0 once they are all gone (the row stays).
  n        bigint      not null,
  constraint party_position_count_pkey primary key (party_id, position)
);
comment on table party_position_count is
  'Derived, maintained by triggers on party_position: how many claims each party holds each position on (see V5).';

-- Adds each statement's changes of party_position to the counts, one row per (party, position),
-- in key order so that concurrent statements lock the count rows in the same order.
create function tracker_count_positions_insert() returns trigger
  language plpgsql as $$
begin
  insert into party_position_count as c (party_id, position, n)
  select d.party_id, d.position, count(*) from new_rows d group by d.party_id, d.position order by 1, 2
  on conflict (party_id, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_count_positions_update() returns trigger
  language plpgsql as $$
begin
  insert into party_position_count as c (party_id, position, n)
  select d.party_id, d.position, sum(d.k)
    from (select party_id, position, 1 as k from new_rows
          union all
          select party_id, position, -1 from old_rows) d
   group by d.party_id, d.position
  having sum(d.k) <> 0
   order by 1, 2
  on conflict (party_id, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_count_positions_delete() returns trigger
  language plpgsql as $$
begin
  insert into party_position_count as c (party_id, position, n)
  select d.party_id, d.position, -count(*) from old_rows d group by d.party_id, d.position order by 1, 2
  on conflict (party_id, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create trigger party_position_count_insert after insert on party_position referencing new table as new_rows
  for each statement execute function tracker_count_positions_insert();
create trigger party_position_count_update after update on party_position
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_count_positions_update();
create trigger party_position_count_delete after delete on party_position referencing old table as old_rows
  for each statement execute function tracker_count_positions_delete();

-- ---------------------------------------------------------------------------------------------
-- Recomputes the given (party, claim) pairs (two arrays of equal length, in step; duplicates and
-- nulls are ignored) from the claims and responses: pairs with a position are inserted or
-- updated, pairs without one deleted.
--
-- Concurrency (READ COMMITTED, the application's isolation): two transactions changing responses
-- of one claim must not each write a result computed without the other's change. So the pairs'
-- claims are locked first (FOR NO KEY UPDATE: it does not block foreign key checks of inserts),
-- in id order, and the recomputation, a later statement, sees everything committed before the
-- lock was granted. A large batch (a bulk import) takes a table lock that excludes other
-- maintenance instead of locking every claim row; readers are never blocked. (A REPEATABLE READ
-- or SERIALIZABLE transaction keeps its first snapshot, so the lock cannot make it see a change
-- committed meanwhile: write claims and responses at READ COMMITTED, as the application does.)
create function tracker_refresh_party_positions(party_ids bigint[], claim_ids bigint[]) returns void
  language plpgsql
  -- Large batches sort and hash millions of pairs; small ones never come near this.
  set work_mem = '64MB'
  as $$
begin
  if coalesce(cardinality(claim_ids), 0) = 0 then
    return;
  end if;
  if cardinality(claim_ids) > 5000 then
    lock table party_position in share row exclusive mode;
  else
    lock table party_position in row exclusive mode;
    perform 1 from claim c
      where c.id in (select distinct k from unnest(claim_ids) k)
      order by c.id
      for no key update of c;
  end if;

  -- Planned for each call with the arrays' real sizes: one pair or millions.
  execute $sql$
    with pairs as (
      select distinct k.party_id, k.claim_id
        from unnest($1::bigint[], $2::bigint[]) as k(party_id, claim_id)
       where k.party_id is not null and k.claim_id is not null
    ), latest as (
      select distinct on (r.party_id, r.claim_id) r.party_id, r.claim_id, r.id, r.stance, r.stated_on
        from pairs k
        join response r on r.party_id = k.party_id and r.claim_id = k.claim_id
       order by r.party_id, r.claim_id, r.stated_on desc, r.id desc
    ), derived as (
      select k.party_id, k.claim_id,
             tracker_position(l.stance, c.claimant_id = k.party_id,
                              c.addressed_party_id is not distinct from k.party_id) as position,
             c.claimant_id = k.party_id as is_claimant,
             c.addressed_party_id is not distinct from k.party_id as is_addressed,
             l.id as latest_response_id, l.stance as latest_stance, l.stated_on as latest_stated_on,
             coalesce(l.stated_on, c.stated_on) as sort_on
        from pairs k
        join claim c on c.id = k.claim_id
        left join latest l on l.party_id = k.party_id and l.claim_id = k.claim_id
    ), dropped as (
      delete from party_position pp
       using pairs k
       where pp.party_id = k.party_id and pp.claim_id = k.claim_id
         and not exists (select from derived d
                          where d.party_id = k.party_id and d.claim_id = k.claim_id and d.position is not null)
    )
    insert into party_position as pp (party_id, claim_id, position, is_claimant, is_addressed,
                                      latest_response_id, latest_stance, latest_stated_on, sort_on)
    select d.party_id, d.claim_id, d.position, d.is_claimant, d.is_addressed,
           d.latest_response_id, d.latest_stance, d.latest_stated_on, d.sort_on
      from derived d
     where d.position is not null
     order by d.party_id, d.claim_id
    on conflict (party_id, claim_id) do update
       set position = excluded.position, is_claimant = excluded.is_claimant, is_addressed = excluded.is_addressed,
           latest_response_id = excluded.latest_response_id, latest_stance = excluded.latest_stance,
           latest_stated_on = excluded.latest_stated_on, sort_on = excluded.sort_on
     where (pp.position, pp.is_claimant, pp.is_addressed, pp.latest_response_id, pp.latest_stance,
            pp.latest_stated_on, pp.sort_on)
           is distinct from (excluded.position, excluded.is_claimant, excluded.is_addressed,
                             excluded.latest_response_id, excluded.latest_stance, excluded.latest_stated_on,
                             excluded.sort_on)
  $sql$ using party_ids, claim_ids;
end $$;

-- Recomputes the whole table: every claim's addressed party and every party that responded.
create function tracker_rebuild_party_positions() returns void
  language plpgsql as $$
begin
  truncate party_position, party_position_count;
  perform tracker_refresh_party_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select c.addressed_party_id as party_id, c.id as claim_id from claim c where c.addressed_party_id is not null
           union all
           select r.party_id, r.claim_id from response r) x;
end $$;

-- ---------------------------------------------------------------------------------------------
-- The triggers. Each passes the pairs its statement may have moved.

create function tracker_positions_response_insert() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_party_positions(array_agg(n.party_id), array_agg(n.claim_id)) from new_rows n;
  return null;
end $$;

create function tracker_positions_response_update() returns trigger
  language plpgsql as $$
begin
  -- Only rows whose party, claim, stance or date changed (a re-anchored quote moves nothing);
  -- both the pair it left and the pair it joined.
  perform tracker_refresh_party_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[o.party_id, n.party_id]) as party_id, unnest(array[o.claim_id, n.claim_id]) as claim_id
             from old_rows o
             full join new_rows n on n.id = o.id
            where (o.party_id, o.claim_id, o.stance, o.stated_on)
                  is distinct from (n.party_id, n.claim_id, n.stance, n.stated_on)) x;
  return null;
end $$;

create function tracker_positions_response_delete() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_party_positions(array_agg(o.party_id), array_agg(o.claim_id)) from old_rows o;
  return null;
end $$;

create function tracker_positions_response_truncate() returns trigger
  language plpgsql as $$
begin
  perform tracker_rebuild_party_positions();
  return null;
end $$;

create function tracker_positions_claim_insert() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_party_positions(array_agg(n.addressed_party_id), array_agg(n.id))
     from new_rows n
    where n.addressed_party_id is not null;
  return null;
end $$;

create function tracker_positions_claim_update() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_party_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[o.claimant_id, n.claimant_id, o.addressed_party_id, n.addressed_party_id]) as party_id,
                  unnest(array[o.id, n.id, o.id, n.id]) as claim_id
             from old_rows o
             join new_rows n on n.id = o.id
            where (o.claimant_id, o.addressed_party_id) is distinct from (n.claimant_id, n.addressed_party_id)
           union all
           select pp.party_id, pp.claim_id
             from old_rows o
             join new_rows n on n.id = o.id
             join party_position pp on pp.claim_id = n.id
            where o.stated_on is distinct from n.stated_on) x;
  return null;
end $$;

-- Transition tables need one trigger per event; they run after the audit triggers (by name), in
-- the same transaction.
create trigger response_positions_insert after insert on response referencing new table as new_rows
  for each statement execute function tracker_positions_response_insert();
create trigger response_positions_update after update on response referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_positions_response_update();
create trigger response_positions_delete after delete on response referencing old table as old_rows
  for each statement execute function tracker_positions_response_delete();
create trigger response_positions_truncate after truncate on response
  for each statement execute function tracker_positions_response_truncate();
create trigger claim_positions_insert after insert on claim referencing new table as new_rows
  for each statement execute function tracker_positions_claim_insert();
create trigger claim_positions_update after update on claim referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_positions_claim_update();

-- ---------------------------------------------------------------------------------------------
-- Backfill: the positions of everything recorded so far. The other indexes are built after it,
-- which is much faster than maintaining them row by row.
do $$ begin perform tracker_rebuild_party_positions(); end $$;

-- A page of a party's claims in one position, most recent first. The included columns let a later
-- page skip the rows before it without reading the table.
create index party_position_page_idx on party_position (party_id, position, sort_on desc, claim_id desc)
  include (latest_response_id);
-- A page of a party's claims in any position, most recent first.
create index party_position_all_idx on party_position (party_id, sort_on desc, claim_id desc)
  include (position, latest_response_id);
-- The claim triggers and the cascade of a claim delete find a claim's rows.
create index party_position_claim_idx on party_position (claim_id);
analyze party_position;
