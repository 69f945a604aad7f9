-- Scoped positions as of a date from the maintained table (issue 16, "Left to do").
--
-- V14 keeps the current rolled-up positions (party_scope_position); as of a date they were still
-- derived for the whole scope when asked (tracker_scoped_positions, V12): 4.6 and 10.5 s a page for
-- the benchmark's coalition (bench/POSITIONS.md). Most of a scope's claims answer the same as of a
-- date as today, and which ones may not is known from what is kept:
--
--   The answer for a claim depends on the claim (its date, parties, kind, incident date), the
--   responses on it of the parties in scope that count for its date, and the scope. As of a date
--   D, the claim must be stated on or before D; only responses stated on or before D count; and a
--   membership beginning after D counts for nothing (tracker_scope's as_of), which changes the
--   scope only for claims dated (claim_on) after D. So for a claim stated on or before D, with no
--   counting response after D, and either dated on or before D or touching no party of a membership
--   beginning after D, the inputs are the same today and as of D, and so is the answer (a position,
--   or none). Every other claim stated on or before D that holds a position as of D has one today
--   or a counting response today (a scope as of D is part of today's, and responses only add), so
--   it is in party_scope_position or in party_scope_silent below.
--
-- The answer as of D is therefore (tracker_scope_positions_changed):
--   kept:    the rows of party_scope_position with stated_on <= D and sort_on <= D (sort_on is the
--            latest counting response's date, or the claim's when there is none), except the
--            claims touching a party of a membership beginning after D and dated after D;
--   derived: the rule as of D (tracker_scoped_positions_among) for the claims stated on or before
--            D whose latest counting response is after D (rows of party_scope_position with sort_on
--            > D, rows of party_scope_silent with last_on > D), and for those excepted above.
-- For the coalition at 1M claims that derives a few thousand claims instead of 184,000.
--
-- What this adds to what is kept:
--   party_scope_position.stated_on   the claim's date (the kept rows are found by an index alone);
--   party_scope_silent               the claims on which parties in scope responded but that hold
--                                    no rolled-up position today (a claimant asserting, a third
--                                    party assessing), with the latest counting response's date:
--                                    they may hold one as of an earlier date.
-- Both are written by the same statements as the positions, from one derivation
-- (tracker_scoped_positions_among, which also replaces V14's _of and V16's _for), so they follow
-- every write path the V14 triggers already cover. ScopedPositionMaintenanceTest compares the
-- answer as of several dates with tracker_scoped_positions after random writes.

-- ---------------------------------------------------------------------------------------------
-- The rule of V12, for given (root, scope, claim) triples (three arrays in step), as of a date
-- (null: today), commentary left out: one row per triple whose claim is stated by then and not
-- commentary, with the rolled-up position, or null when the scope holds none on it; the deciding
-- response (null: no party in scope responded by then), its date, and the claim's date. A claim no
-- party in scope addressed or answered gets a null position, as it gets no row in V12.
create function tracker_scoped_positions_among(root_ids bigint[], scopes varchar[], as_of date, claim_ids bigint[])
  returns table (root_id bigint, scope varchar, claim_id bigint, "position" varchar, response_id bigint,
                 respondent_id bigint, response_on date, sort_on date, stated_on date)
  language sql stable parallel safe
  as $$
    with targets as (
      select distinct t.root_id, t.scope, t.claim_id
        from unnest(root_ids, scopes, claim_ids) as t (root_id, scope, claim_id)
    ), s as (
      select r.root_id, r.scope, x.party_id, x.valid_from, x.valid_to
        from (select distinct t.root_id, t.scope from targets t) r
        cross join lateral tracker_scope(r.root_id, r.scope, as_of) x
    ), claims as (
      select t.root_id, t.scope, c.id, c.stated_on, c.claimant_id, c.addressed_party_id,
             coalesce(i.occurred_on, c.stated_on) as claim_on
        from targets t
        join claim c on c.id = t.claim_id
        left join incident i on i.id = c.incident_id
       where c.kind <> 'commentary' and c.stated_on <= coalesce(as_of, 'infinity'::date)
    ), flagged as (
      select k.*,
             exists (select 1 from s where s.root_id = k.root_id and s.scope = k.scope and s.party_id = k.claimant_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to)) as is_claimant,
             exists (select 1 from s where s.root_id = k.root_id and s.scope = k.scope
                       and s.party_id = k.addressed_party_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to)) as is_addressed
        from claims k
    ), latest as (
      select distinct on (k.root_id, k.scope, k.id, r.party_id)
             k.root_id, k.scope, k.id as claim_id, r.party_id, r.id, r.stance, r.stated_on,
             tracker_position(r.stance, k.is_claimant, k.is_addressed) as position
        from flagged k
        join response r on r.claim_id = k.id
       where r.stated_on <= coalesce(as_of, 'infinity'::date)
         and exists (select 1 from s where s.root_id = k.root_id and s.scope = k.scope and s.party_id = r.party_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to))
       order by k.root_id, k.scope, k.id, r.party_id, r.stated_on desc, r.id desc
    ), last_day as (
      select l.*, max(l.stated_on) over (partition by l.root_id, l.scope, l.claim_id) as latest_on from latest l
    ), deciding as (
      -- On the latest day: the response recorded last, and how many of the four voiced positions
      -- the parties took (V12's voices and deciding), in one pass over the day's rows instead of a
      -- join of two derived tables, whose estimate of one row made it a nested loop (24 s for 6,000
      -- claims at 1M).
      select d.root_id, d.scope, d.claim_id, d.party_id, d.id, d.stance, d.stated_on, d.voices
        from (select d.*,
                     coalesce(bool_or(d.position = 'denied') over w, false)::int
                       + coalesce(bool_or(d.position = 'confirmed') over w, false)::int
                       + coalesce(bool_or(d.position = 'partially_confirmed') over w, false)::int
                       + coalesce(bool_or(d.position = 'withdrawn') over w, false)::int as voices,
                     row_number() over (w order by d.id desc) as rank
                from last_day d
               where d.stated_on = d.latest_on
              window w as (partition by d.root_id, d.scope, d.claim_id)) d
       where d.rank = 1
    )
    select k.root_id, k.scope, k.id,
           (case when x.voices > 1 then 'contested'
                 else tracker_position(x.stance, k.is_claimant, k.is_addressed) end)::varchar,
           x.id, x.party_id, x.stated_on, coalesce(x.stated_on, k.stated_on), k.stated_on
      from flagged k
      left join deciding x on x.root_id = k.root_id and x.scope = k.scope and x.claim_id = k.id
  $$;

comment on function tracker_scoped_positions_among(bigint[], varchar[], date, bigint[]) is
  'The rolled-up position (null: none) of each (root, scope, claim) given, as of a date (null: today), commentary left out: V12''s rule for given claims (V22).';

-- V14's and V16's restricted copies of the rule, replaced by the one above.
drop function tracker_scoped_positions_of(bigint, varchar, bigint[]);
drop function tracker_scoped_positions_for(bigint[], varchar[], bigint[]);

-- ---------------------------------------------------------------------------------------------
alter table party_scope_position add column stated_on date;
update party_scope_position p set stated_on = c.stated_on from claim c where c.id = p.claim_id;
alter table party_scope_position alter column stated_on set not null;
comment on column party_scope_position.stated_on is 'The claim''s date: which rows hold as of an earlier date (V22).';

create table party_scope_silent (
  root_id   bigint      not null constraint party_scope_silent_root_fk references party (id) on delete cascade,
  scope     varchar(10) not null,
  claim_id  bigint      not null constraint party_scope_silent_claim_fk references claim (id) on delete cascade,
  -- The claim's date, and the latest of the responses that count (those of the parties in scope
  -- that count for the claim's date).
  stated_on date        not null,
  last_on   date        not null,
  constraint party_scope_silent_pkey primary key (root_id, scope, claim_id)
);
comment on table party_scope_silent is
  'Derived, maintained with party_scope_position: the claims on which parties in a rolled scope responded but that hold no rolled-up position today, with the latest counting response''s date; they may hold one as of an earlier date (V22).';
alter table party_scope_silent set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
                                    autovacuum_analyze_scale_factor = 0.02);
create index party_scope_silent_claim_idx on party_scope_silent (claim_id);

-- Backfill: the claims with a counting response of a party in scope and no row kept. The kept rows
-- are the rule's non-null answers (the tests hold them so), so these are its null answers with a
-- deciding response.
insert into party_scope_silent (root_id, scope, claim_id, stated_on, last_on)
select k.root_id, k.scope, c.id, c.stated_on, max(r.stated_on)
  from (select distinct p.parent_id as root_id, s.scope::varchar as scope
          from party p, (values ('parts'), ('members')) s (scope)
         where p.parent_id is not null
        union
        select distinct m.group_id, 'members' from party_membership m) k
  cross join lateral tracker_scope(k.root_id, k.scope, null) s
  join response r on r.party_id = s.party_id
  join claim c on c.id = r.claim_id
  left join incident i on i.id = c.incident_id
 where c.kind <> 'commentary'
   and (s.valid_from is null or s.valid_from <= coalesce(i.occurred_on, c.stated_on))
   and (s.valid_to is null or coalesce(i.occurred_on, c.stated_on) <= s.valid_to)
   and not exists (select from party_scope_position p
                    where p.root_id = k.root_id and p.scope = k.scope and p.claim_id = c.id)
 group by k.root_id, k.scope, c.id, c.stated_on
 order by 1, 2, 3;

-- ---------------------------------------------------------------------------------------------
-- Merges the rule's answer for the given (root, scope, claim) triples into party_scope_position and
-- party_scope_silent: rows that no longer hold deleted, changed rows updated, new ones inserted.
-- Planned for each call with the real triples; the rows are found by primary key (thousands of
-- them for a change of the hierarchy, where the default costs chose to read the whole table), the
-- rows to keep in a hashed list (NOT IN: the planner takes the derived rows for one and joins them
-- in a nested loop otherwise).
create function tracker_merge_scope_positions(root_ids bigint[], scopes varchar[], claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  set jit = off
  set random_page_cost = 1.1
  as $$
begin
  execute $sql$
    with derived as materialized (
      select d.* from tracker_scoped_positions_among($1, $2, null, $3) d
    ), dropped as (
      delete from party_scope_position p
       where (p.root_id, p.scope, p.claim_id) in
             (select t.root_id, t.scope, t.claim_id
                from unnest($1, $2, $3) as t (root_id, scope, claim_id)
               where (t.root_id, t.scope, t.claim_id) not in (select d.root_id, d.scope, d.claim_id from derived d
                                                               where d.position is not null))
    ), silenced as (
      delete from party_scope_silent q
       where (q.root_id, q.scope, q.claim_id) in
             (select t.root_id, t.scope, t.claim_id
                from unnest($1, $2, $3) as t (root_id, scope, claim_id)
               where (t.root_id, t.scope, t.claim_id) not in (select d.root_id, d.scope, d.claim_id from derived d
                                                               where d.position is null and d.response_id is not null))
    ), silent as (
      insert into party_scope_silent as q (root_id, scope, claim_id, stated_on, last_on)
      select d.root_id, d.scope, d.claim_id, d.stated_on, d.response_on
        from derived d
       where d.position is null and d.response_id is not null
       order by d.root_id, d.scope, d.claim_id
      on conflict (root_id, scope, claim_id) do update
         set stated_on = excluded.stated_on, last_on = excluded.last_on
       where (q.stated_on, q.last_on) is distinct from (excluded.stated_on, excluded.last_on)
    )
    insert into party_scope_position as p (root_id, scope, claim_id, position, response_id, respondent_id, sort_on,
                                           stated_on)
    select d.root_id, d.scope, d.claim_id, d.position, d.response_id, d.respondent_id, d.sort_on, d.stated_on
      from derived d
     where d.position is not null
     order by d.root_id, d.scope, d.claim_id
    on conflict (root_id, scope, claim_id) do update
       set position = excluded.position, response_id = excluded.response_id,
           respondent_id = excluded.respondent_id, sort_on = excluded.sort_on, stated_on = excluded.stated_on
     where (p.position, p.response_id, p.respondent_id, p.sort_on, p.stated_on)
           is distinct from (excluded.position, excluded.response_id, excluded.respondent_id, excluded.sort_on,
                             excluded.stated_on)
  $sql$
  using root_ids, scopes, claim_ids;
end $$;

-- V14's writer of one (root, scope): the given claims, or (claim_ids null) every claim a party in
-- scope addressed or answered, the rows of any other claim deleted. A root whose scope is no longer
-- rolled loses all its rows.
create or replace function tracker_write_scope_positions(root bigint, scope varchar, claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  as $$
declare
  n integer;
begin
  if not tracker_scope_is_rolled(root, scope) then
    delete from party_scope_position p where p.root_id = root and p.scope = tracker_write_scope_positions.scope;
    delete from party_scope_silent q where q.root_id = root and q.scope = tracker_write_scope_positions.scope;
    return;
  end if;
  if claim_ids is null then
    execute $sql$
      select array_agg(k.id order by k.id)
        from (select c.id from tracker_scope($1, $2, null) s join claim c on c.addressed_party_id = s.party_id
              union
              select r.claim_id from tracker_scope($1, $2, null) s join response r on r.party_id = s.party_id) k
    $sql$ into claim_ids using root, scope;
    claim_ids := coalesce(claim_ids, '{}');
    execute $sql$
      delete from party_scope_position p
       where p.root_id = $1 and p.scope = $2 and not exists (select from unnest($3) k where k = p.claim_id)
    $sql$ using root, scope, claim_ids;
    execute $sql$
      delete from party_scope_silent q
       where q.root_id = $1 and q.scope = $2 and not exists (select from unnest($3) k where k = q.claim_id)
    $sql$ using root, scope, claim_ids;
  end if;
  n := cardinality(claim_ids);
  perform tracker_merge_scope_positions(array_fill(root, array[n]), array_fill(scope, array[n]), claim_ids);
end $$;

-- V16's refresh, merging through tracker_merge_scope_positions.
create or replace function tracker_refresh_scope_positions(party_ids bigint[], claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  as $$
declare
  target record;
  t_roots bigint[];
  t_scopes varchar[];
  t_claims bigint[];
begin
  if coalesce(cardinality(claim_ids), 0) = 0 then
    return;
  end if;
  -- The table lock first, as V14: a change of the hierarchy waits for this transaction, or this
  -- one for it, and the roots below are read after it. A bulk write locks the table for itself.
  if cardinality(claim_ids) > 5000 then
    lock table party_scope_position in share row exclusive mode;
  else
    lock table party_scope_position in row exclusive mode;
  end if;
  -- Each (root, scope, claim) to recompute: the rolled roots whose scope can hold a written party.
  select array_agg(x.root_id order by x.root_id, x.scope, x.claim_id),
         array_agg(x.scope order by x.root_id, x.scope, x.claim_id),
         array_agg(x.claim_id order by x.root_id, x.scope, x.claim_id)
    into t_roots, t_scopes, t_claims
    from (
      with pairs as (
        select distinct k.party_id, k.claim_id
          from unnest(party_ids, claim_ids) as k(party_id, claim_id)
         where k.party_id is not null and k.claim_id is not null
      ), roots as (
        select r.party_id, r.root_id, r.scope
          from tracker_scope_roots(array(select distinct k.party_id from pairs k)) r
         where tracker_scope_is_rolled(r.root_id, r.scope)
      )
      select distinct r.root_id, r.scope, k.claim_id
        from pairs k join roots r on r.party_id = k.party_id
    ) x;
  if t_roots is null then
    return;
  end if;
  if cardinality(claim_ids) > 5000 then
    -- A bulk write: each (root, scope) merged on its own.
    for target in
      select t.root_id, t.scope, array_agg(t.claim_id order by t.claim_id) as claims
        from unnest(t_roots, t_scopes, t_claims) as t (root_id, scope, claim_id)
       group by t.root_id, t.scope
       order by t.root_id, t.scope
    loop
      perform tracker_write_scope_positions(target.root_id, target.scope, target.claims);
    end loop;
    return;
  end if;
  -- The claims, all at once and in id order, as V14 locks them.
  perform 1 from claim c where c.id in (select distinct k from unnest(claim_ids) k) order by c.id
    for no key update of c;
  perform tracker_merge_scope_positions(t_roots, t_scopes, t_claims);
end $$;

create or replace function tracker_rebuild_scope_positions() returns void
  language plpgsql as $$
begin
  truncate party_scope_position, party_scope_position_count, party_scope_position_month, party_scope_silent;
  perform tracker_refresh_scope_roots(array_agg(x.root_id), array_agg(x.scope))
     from (select distinct p.parent_id as root_id, s.scope::varchar as scope
             from party p, (values ('parts'), ('members')) s (scope)
            where p.parent_id is not null
           union
           select distinct m.group_id, 'members' from party_membership m) x;
end $$;

-- ---------------------------------------------------------------------------------------------
-- The claims of a rolled (root, scope) whose answer as of as_of may differ from the kept one (see
-- the top of this file), each with the answer as of as_of (position null: none), and whether the
-- kept row, if any, must be masked (late: a claim touching a membership that begins after as_of).
-- For a scope that is not rolled (the party alone), nothing is kept, and this is the whole answer.
-- Planned for each call with the real root and date.
create function tracker_scope_positions_changed(root bigint, scope varchar, as_of date)
  returns table (claim_id bigint, "position" varchar, response_id bigint, respondent_id bigint, sort_on date,
                 late boolean)
  language plpgsql stable
  -- A few thousand claims by primary key: the planner's cost for them passes jit_above_cost, and
  -- compiling took 1.7 s of a 2 s derivation at 1M claims.
  set jit = off
  as $$
declare
  changed bigint[];
  late_parties bigint[];
  late_ids bigint[];
begin
  if not tracker_scope_is_rolled(root, scope) then
    return query select x.claim_id, x.position, x.response_id, x.respondent_id, x.sort_on, false
                   from tracker_scoped_positions(root, scope, as_of, false) x;
    return;
  end if;
  -- Claims stated by as_of touching a party that is in scope today only through a membership
  -- beginning after as_of, dated after as_of (only those can that membership count for).
  select array_agg(distinct s.party_id) into late_parties
    from tracker_scope(root, scope, null) s
   where s.via = 'member' and s.valid_from > as_of;
  if late_parties is not null then
    execute $sql$
      with touched as (
        select c.id from claim c where c.addressed_party_id = any ($1) and c.stated_on <= $2
        union
        select c.id from claim c where c.claimant_id = any ($1) and c.stated_on <= $2
        union
        select r.claim_id from response r where r.party_id = any ($1)
      )
      select array_agg(c.id)
        from touched t
        join claim c on c.id = t.id
        left join incident i on i.id = c.incident_id
       where c.stated_on <= $2 and coalesce(i.occurred_on, c.stated_on) > $2
    $sql$ into late_ids using late_parties, as_of;
  end if;
  -- Claims stated by as_of with a counting response after it.
  execute $sql$
    select array_agg(k.claim_id)
      from (select p.claim_id from party_scope_position p
             where p.root_id = $1 and p.scope = $2 and p.sort_on > $3 and p.stated_on <= $3
            union
            select q.claim_id from party_scope_silent q
             where q.root_id = $1 and q.scope = $2 and q.last_on > $3 and q.stated_on <= $3
            union
            select unnest($4)) k
  $sql$ into changed using root, scope, as_of, late_ids;
  if changed is null then
    return;
  end if;
  return query execute $sql$
    select d.claim_id, d.position, d.response_id, d.respondent_id, d.sort_on, d.claim_id = any ($5)
      from tracker_scoped_positions_among(array_fill($1, array[cardinality($4)]), array_fill($2, array[cardinality($4)]),
                                          $3, $4) d
  $sql$ using root, scope, as_of, changed, coalesce(late_ids, '{}');
end $$;

comment on function tracker_scope_positions_changed(bigint, varchar, date) is
  'The claims of a rolled scope whose answer as of a date may differ from party_scope_position''s, with that answer (V22).';

-- The kept rows as of a date are read in page order through this index (index-only for counts).
drop index party_scope_position_all_idx;
create index party_scope_position_all_idx on party_scope_position (root_id, scope, sort_on desc, claim_id desc)
  include (position, response_id, stated_on);
analyze party_scope_position;
analyze party_scope_silent;
-- The rows of a claim whose deciding response is dated before the claim: counted by their month,
-- they do not hold as of a date between the two (few; none when responses follow their claims).
create index party_scope_position_early_idx on party_scope_position (root_id, scope, stated_on)
  include (sort_on, position) where sort_on < stated_on;

-- ---------------------------------------------------------------------------------------------
-- Changes of the hierarchy recompute only what they can move (issue 16, "Left to do"). V14
-- recomputed every scope a moved part or a changed membership touches from scratch: 5.8 s for a
-- membership of the benchmark's coalition, 17.2 s for a part moved inside a member. What a moved
-- party P (or a member M joining, leaving or redated) changes in a scope is which parties count,
-- and only P's (M's) own parties, itself and its parts, enter or leave: every other party keeps the
-- claims it counts for. A claim none of those parties claimed, was addressed or answered has the
-- same inputs before and after, so the same answer. Recomputing the claims of those parties in
-- each such scope is therefore exact, provided the scope was kept before: a scope that becomes
-- rolled by the change (the first part or member of a party) is built whole, and one that stops
-- being rolled is emptied (tracker_write_scope_positions). ScopedPositionMaintenanceTest compares
-- with tracker_scoped_positions after random moves, new and deleted parts, and memberships.

-- Recomputes, in each given (root, scope), the claims that the given parties or their parts
-- claimed, were addressed or answered.
create function tracker_refresh_scope_roots_involving(root_ids bigint[], scopes varchar[], party_ids bigint[])
  returns void
  language plpgsql as $$
declare
  target record;
  parties bigint[];
  claims bigint[];
begin
  if coalesce(cardinality(root_ids), 0) = 0 then
    return;
  end if;
  lock table party_scope_position in share row exclusive mode;
  with recursive below (id) as (
    select k from unnest(party_ids) k where k is not null
    union
    select p.id from party p join below b on p.parent_id = b.id
  )
  select array_agg(b.id) into parties from below b;
  -- Planned with the parties known (a handful: the claimants' and addressees' indexes).
  execute $sql$
    select array_agg(k.id order by k.id)
      from (select c.id from claim c where c.claimant_id = any ($1)
            union
            select c.id from claim c where c.addressed_party_id = any ($1)
            union
            select r.claim_id from response r where r.party_id = any ($1)) k
  $sql$ into claims using parties;
  for target in
    select distinct k.root_id, k.scope
      from unnest(root_ids, scopes) as k(root_id, scope)
      join party p on p.id = k.root_id
     where k.scope is not null
     order by 1, 2
  loop
    perform tracker_write_scope_positions(target.root_id, target.scope, coalesce(claims, '{}'));
  end loop;
end $$;

-- A part moved (party update; V14's function keeps inserts and deletes): only its parties' claims
-- in the scopes above its old and new parent, besides building whole a new parent's scopes when it
-- had no part before.
create function tracker_scope_positions_party_moved() returns trigger
  language plpgsql as $$
declare
  moved bigint[];
begin
  select array_agg(n.id) into moved
    from old_rows o join new_rows n on n.id = o.id
   where o.parent_id is distinct from n.parent_id;
  if moved is null then
    return null;
  end if;
  -- A new parent with no other part (and, for members, no member) was not kept: built whole.
  perform tracker_refresh_scope_roots(array_agg(x.parent_id), array_agg(x.scope))
     from (select distinct n.parent_id, s.scope::varchar as scope
             from new_rows n, (values ('parts'), ('members')) s (scope)
            where n.id = any (moved) and n.parent_id is not null
              and not exists (select 1 from party p where p.parent_id = n.parent_id and p.id <> all (moved))
              and not (s.scope = 'members'
                       and exists (select 1 from party_membership m where m.group_id = n.parent_id))) x;
  perform tracker_refresh_scope_roots_involving(array_agg(r.root_id), array_agg(r.scope), moved)
     from tracker_scope_roots(array(select x.parent_id
                                       from old_rows o join new_rows n on n.id = o.id,
                                            unnest(array[o.parent_id, n.parent_id]) x (parent_id)
                                      where o.parent_id is distinct from n.parent_id
                                        and x.parent_id is not null)) r;
  return null;
end $$;

drop trigger party_scope_positions_update on party;
create trigger party_scope_positions_update after update on party referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_party_moved();

-- As V14's, but a membership recomputes only its member's claims in the group's scope, besides
-- building whole a group's scope when it had no part or member before.
create or replace function tracker_scope_positions_membership_change() returns trigger
  language plpgsql as $$
declare
  groups bigint[];
  members bigint[];
  fresh bigint[];
begin
  if tg_op = 'INSERT' then
    select array_agg(n.group_id), array_agg(n.member_id) into groups, members from new_rows n;
    -- Groups whose every membership is new and that have no part: not kept before.
    select array_agg(distinct n.group_id) into fresh
      from new_rows n
     where not exists (select 1 from party p where p.parent_id = n.group_id)
       and not exists (select 1 from party_membership m
                        where m.group_id = n.group_id and m.id not in (select n2.id from new_rows n2));
  elsif tg_op = 'DELETE' then
    select array_agg(o.group_id), array_agg(o.member_id) into groups, members from old_rows o;
  else
    select array_agg(x.group_id), array_agg(x.member_id) into groups, members
      from (select unnest(array[o.group_id, n.group_id]) as group_id, unnest(array[o.member_id, n.member_id]) as member_id
              from old_rows o join new_rows n on n.id = o.id
             where (o.member_id, o.group_id, o.valid_from, o.valid_to)
                   is distinct from (n.member_id, n.group_id, n.valid_from, n.valid_to)) x;
    -- A group that gains its first membership by an update (moved from another group) was not kept.
    select array_agg(distinct n.group_id) into fresh
      from old_rows o join new_rows n on n.id = o.id
     where o.group_id is distinct from n.group_id
       and not exists (select 1 from party p where p.parent_id = n.group_id)
       and not exists (select 1 from party_membership m
                        where m.group_id = n.group_id and m.id not in (select n2.id from new_rows n2));
  end if;
  if cardinality(fresh) > 0 then
    perform tracker_refresh_scope_roots(fresh, array_fill('members'::varchar, array[cardinality(fresh)]));
  end if;
  if cardinality(groups) > 0 then
    perform tracker_refresh_scope_roots_involving(groups, array_fill('members'::varchar, array[cardinality(groups)]),
                                                  members);
  end if;
  return null;
end $$;
