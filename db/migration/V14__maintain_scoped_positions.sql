-- Scoped positions, maintained (issue 16, its speed target). V12 computes a party's positions
-- rolled up over a scope (parts, members) when asked; for a coalition whose members and their parts
-- hold positions on a quarter of a million claims that takes seconds a page, where a page of the
-- current positions must take milliseconds (bench/POSITIONS.md). As party_position (V5) does for
-- scope self, party_scope_position keeps the current rolled-up answer of every party whose scope is
-- wider than itself, with party_scope_position_count for the totals, and triggers keep both equal
-- to tracker_scoped_positions(root, scope, null, false) in the same transaction as every write.
-- As of a date, and with commentary, the answer is still computed on the fly (tracker_scoped_positions).
--
-- Which roots are kept (tracker_scope_is_rolled): scope parts for a party with at least one child,
-- scope members for a party with a child or a membership of which it is the group. For any other
-- party the scope is the party alone and the answer is party_position's (the reader falls back to it).
--
-- Which (root, scope, claim) triples a change can move: the claim, for every rolled root whose
-- scope may hold one of the parties the change touches (tracker_scope_roots: the party's ancestors,
-- itself included, with both scopes, and the groups of which it or an ancestor is a member, with
-- scope members):
--   response insert, delete, update     the row's party and claim (old and new)
--   claim insert                        the claimant and the addressed party
--   claim update of claimant, addressed party, date, incident or kind
--                                       old and new claimant and addressed party, and every party
--                                       that responded to it
--   incident update of its date         the same, for every claim of the incident (a member
--                                       counts for a claim by the incident's date)
--   claim delete, party delete          the foreign keys cascade
-- and which whole roots, recomputed from scratch (tracker_refresh_scope_roots):
--   party insert, delete, or update of its parent
--                                       the roots of the old and the new parent
--   membership insert, update, delete   the old and the new group, scope members
--   truncate of response                everything (tracker_rebuild_scope_positions)
-- A structural change of a large party (a member joining a coalition) thus recomputes the whole
-- scope: seconds for the benchmark's coalition; such changes are rare next to responses.

create table party_scope_position (
  root_id       bigint      not null constraint party_scope_position_root_fk references party (id) on delete cascade,
  -- Never 'self' (party_position holds that answer), but the vocabulary has one spelling
  -- everywhere (VocabularyTest), as party_position's positions include 'contested' (V12).
  scope         varchar(10) not null constraint party_scope_position_scope_check
                  check (scope in ('self', 'parts', 'members')),
  claim_id      bigint      not null constraint party_scope_position_claim_fk references claim (id) on delete cascade,
  position      varchar(20) not null constraint party_scope_position_position_check
                  check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested')),
  -- The deciding response and who gave it (null: no party in scope responded; the addressed party
  -- is silent). No foreign key, as in party_position: the triggers replace them in the statement
  -- that deletes the response.
  response_id   bigint,
  respondent_id bigint,
  -- What the pages sort by: coalesce(deciding response's date, claim's date), then the claim id.
  sort_on       date        not null,
  constraint party_scope_position_pkey primary key (root_id, scope, claim_id)
);
comment on table party_scope_position is
  'Derived, maintained by triggers: the current positions of each party with parts or members, rolled up over scope parts and members (see V14).';
alter table party_scope_position set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
                                      autovacuum_analyze_scale_factor = 0.02);

create table party_scope_position_count (
  root_id  bigint      not null constraint party_scope_position_count_root_fk references party (id) on delete cascade,
  scope    varchar(10) not null,
  position varchar(20) not null,
  -- Rows of party_scope_position with this root, scope and position; 0 once they are gone.
  n        bigint      not null,
  constraint party_scope_position_count_pkey primary key (root_id, scope, position)
);
comment on table party_scope_position_count is
  'Derived, maintained by triggers on party_scope_position: how many claims each party holds each rolled-up position on, per scope (see V14).';

create function tracker_count_scope_positions_insert() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_count as c (root_id, scope, position, n)
  select d.root_id, d.scope, d.position, count(*) from new_rows d group by 1, 2, 3 order by 1, 2, 3
  on conflict (root_id, scope, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_count_scope_positions_update() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_count as c (root_id, scope, position, n)
  select d.root_id, d.scope, d.position, sum(d.k)
    from (select root_id, scope, position, 1 as k from new_rows
          union all
          select root_id, scope, position, -1 from old_rows) d
   group by 1, 2, 3
  having sum(d.k) <> 0
   order by 1, 2, 3
  on conflict (root_id, scope, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create function tracker_count_scope_positions_delete() returns trigger
  language plpgsql as $$
begin
  insert into party_scope_position_count as c (root_id, scope, position, n)
  select d.root_id, d.scope, d.position, -count(*) from old_rows d group by 1, 2, 3 order by 1, 2, 3
  on conflict (root_id, scope, position) do update set n = c.n + excluded.n;
  return null;
end $$;

create trigger party_scope_position_count_insert after insert on party_scope_position referencing new table as new_rows
  for each statement execute function tracker_count_scope_positions_insert();
create trigger party_scope_position_count_update after update on party_scope_position
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_count_scope_positions_update();
create trigger party_scope_position_count_delete after delete on party_scope_position referencing old table as old_rows
  for each statement execute function tracker_count_scope_positions_delete();

-- ---------------------------------------------------------------------------------------------
-- Whether a party's scope is wider than the party itself, so that its answer is kept here.
create function tracker_scope_is_rolled(root bigint, scope varchar) returns boolean
  language sql stable parallel safe
  as $$
    select scope in ('parts', 'members') and (
             exists (select 1 from party p where p.parent_id = root)
             or (scope = 'members' and exists (select 1 from party_membership m where m.group_id = root)))
  $$;

comment on function tracker_scope_is_rolled(bigint, varchar) is
  'Whether the scope (parts, members) of a party holds more than the party, so that party_scope_position keeps its answer (V14).';

-- For each given party, every (root, scope) whose scope can hold it: its ancestors with itself
-- (parts and members) and the groups of which it or an ancestor is a member (members), whatever the
-- dates. Rolled or not: the callers filter. A cycle of parents ends the walk (union).
create function tracker_scope_roots(party_ids bigint[])
  returns table (party_id bigint, root_id bigint, scope varchar)
  language sql stable parallel safe
  as $$
    with recursive up (party_id, ancestor_id) as (
      select distinct k, k from unnest(party_ids) k where k is not null
      union
      select u.party_id, p.parent_id from up u join party p on p.id = u.ancestor_id where p.parent_id is not null
    )
    select u.party_id, u.ancestor_id, s.scope::varchar from up u, (values ('parts'), ('members')) s (scope)
    union
    select u.party_id, m.group_id, 'members'::varchar from up u join party_membership m on m.member_id = u.ancestor_id
  $$;

-- tracker_scoped_positions (V12) for the current state (no as_of, no commentary), restricted to the
-- given claims: the same CTEs, with the candidates replaced by the claims given (a claim that no
-- party in scope addressed or answered gets no position, as there). The tests hold the maintained
-- table equal to tracker_scoped_positions.
create function tracker_scoped_positions_of(root bigint, scope varchar, claim_ids bigint[])
  returns table (claim_id bigint, "position" varchar, response_id bigint, respondent_id bigint,
                 stance varchar, response_on date, sort_on date)
  language sql stable parallel safe
  as $$
    with s as (
      select * from tracker_scope(root, scope, null)
    ), claims as (
      select c.id, c.stated_on, c.claimant_id, c.addressed_party_id,
             coalesce(i.occurred_on, c.stated_on) as claim_on
        from claim c
        left join incident i on i.id = c.incident_id
       where c.id = any (claim_ids) and c.kind <> 'commentary'
    ), flagged as (
      select k.*,
             exists (select 1 from s where s.party_id = k.claimant_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to)) as is_claimant,
             exists (select 1 from s where s.party_id = k.addressed_party_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to)) as is_addressed
        from claims k
    ), latest as (
      select distinct on (k.id, r.party_id) k.id as claim_id, r.party_id, r.id, r.stance, r.stated_on,
             tracker_position(r.stance, k.is_claimant, k.is_addressed) as position
        from flagged k
        join response r on r.claim_id = k.id
       where exists (select 1 from s where s.party_id = r.party_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to))
       order by k.id, r.party_id, r.stated_on desc, r.id desc
    ), last_day as (
      select l.*, max(l.stated_on) over (partition by l.claim_id) as latest_on from latest l
    ), voices as (
      select d.claim_id,
             count(distinct d.position) filter (where d.position in ('denied', 'confirmed', 'partially_confirmed',
                                                                     'withdrawn')) as voices
        from last_day d
       where d.stated_on = d.latest_on
       group by d.claim_id
    ), deciding as (
      select distinct on (d.claim_id) d.claim_id, d.party_id, d.id, d.stance, d.stated_on, v.voices
        from last_day d
        join voices v on v.claim_id = d.claim_id
       where d.stated_on = d.latest_on
       order by d.claim_id, d.id desc
    )
    select * from (
      select k.id,
             (case when x.voices > 1 then 'contested'
                   else tracker_position(x.stance, k.is_claimant, k.is_addressed) end)::varchar as position,
             x.id, x.party_id, x.stance, x.stated_on, coalesce(x.stated_on, k.stated_on)
        from flagged k
        left join deciding x on x.claim_id = k.id
    ) y
    where y.position is not null
  $$;

-- Writes the derived rows of one (root, scope): only the given claims (claim_ids), or every claim
-- (claim_ids null). Rows that no longer hold a position are deleted; a root whose scope is no
-- longer rolled loses all its rows.
create function tracker_write_scope_positions(root bigint, scope varchar, claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  as $$
begin
  if not tracker_scope_is_rolled(root, scope) then
    delete from party_scope_position p where p.root_id = root and p.scope = tracker_write_scope_positions.scope;
    return;
  end if;
  -- Planned for each call with the real root and claims (one claim, or a whole scope).
  execute format($sql$
    with derived as (
      select d.* from %s d
    ), dropped as (
      delete from party_scope_position p
       where p.root_id = $1 and p.scope = $2 %s
         and not exists (select from derived d where d.claim_id = p.claim_id)
    )
    insert into party_scope_position as p (root_id, scope, claim_id, position, response_id, respondent_id, sort_on)
    select $1, $2, d.claim_id, d.position, d.response_id, d.respondent_id, d.sort_on
      from derived d
     order by d.claim_id
    on conflict (root_id, scope, claim_id) do update
       set position = excluded.position, response_id = excluded.response_id,
           respondent_id = excluded.respondent_id, sort_on = excluded.sort_on
     where (p.position, p.response_id, p.respondent_id, p.sort_on)
           is distinct from (excluded.position, excluded.response_id, excluded.respondent_id, excluded.sort_on)
  $sql$,
    case when claim_ids is null then 'tracker_scoped_positions($1, $2, null, false)'
         else 'tracker_scoped_positions_of($1, $2, $3)' end,
    case when claim_ids is null then '' else 'and p.claim_id = any ($3)' end)
  using root, scope, claim_ids;
end $$;

-- Recomputes the given claims for every rolled root whose scope can hold the party paired with
-- each (two arrays in step, as tracker_refresh_party_positions takes them). Locks as V5 does: the
-- claims (or, for a large batch, the table), so that two transactions writing one claim do not
-- each write a result computed without the other's change.
create function tracker_refresh_scope_positions(party_ids bigint[], claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  as $$
declare
  target record;
  locked boolean := false;
begin
  if coalesce(cardinality(claim_ids), 0) = 0 then
    return;
  end if;
  -- The table lock first: a change of the hierarchy (tracker_refresh_scope_roots) waits for this
  -- transaction, or this one for it, and the roots below are read after it.
  if cardinality(claim_ids) > 5000 then
    lock table party_scope_position in share row exclusive mode;
  else
    lock table party_scope_position in row exclusive mode;
  end if;
  for target in
    with pairs as (
      select distinct k.party_id, k.claim_id
        from unnest(party_ids, claim_ids) as k(party_id, claim_id)
       where k.party_id is not null and k.claim_id is not null
    ), roots as (
      select r.party_id, r.root_id, r.scope
        from tracker_scope_roots(array(select distinct k.party_id from pairs k)) r
       where tracker_scope_is_rolled(r.root_id, r.scope)
    )
    select r.root_id, r.scope, array_agg(distinct k.claim_id order by k.claim_id) as claims
      from pairs k join roots r on r.party_id = k.party_id
     group by r.root_id, r.scope
     order by r.root_id, r.scope
  loop
    if not locked and cardinality(claim_ids) <= 5000 then
      -- The claims, all at once and in id order (the responses' and claims' triggers of V5 hold
      -- these locks already; an incident's change takes them here).
      perform 1 from claim c where c.id in (select distinct k from unnest(claim_ids) k) order by c.id
        for no key update of c;
    end if;
    locked := true;
    perform tracker_write_scope_positions(target.root_id, target.scope, target.claims);
  end loop;
end $$;

-- Recomputes whole roots (both scopes of each given party, and the members scope of each given
-- group): for changes of the hierarchy. Excludes every other maintenance of the table meanwhile.
create function tracker_refresh_scope_roots(root_ids bigint[], scopes varchar[]) returns void
  language plpgsql as $$
declare
  target record;
begin
  if coalesce(cardinality(root_ids), 0) = 0 then
    return;
  end if;
  lock table party_scope_position in share row exclusive mode;
  for target in
    select distinct k.root_id, k.scope
      from unnest(root_ids, scopes) as k(root_id, scope)
      join party p on p.id = k.root_id
     where k.scope is not null
     order by 1, 2
  loop
    perform tracker_write_scope_positions(target.root_id, target.scope, null);
  end loop;
end $$;

-- Recomputes the whole table: every rolled (root, scope).
create function tracker_rebuild_scope_positions() returns void
  language plpgsql as $$
begin
  truncate party_scope_position, party_scope_position_count;
  perform tracker_refresh_scope_roots(array_agg(x.root_id), array_agg(x.scope))
     from (select distinct p.parent_id as root_id, s.scope::varchar as scope
             from party p, (values ('parts'), ('members')) s (scope)
            where p.parent_id is not null
           union
           select distinct m.group_id, 'members' from party_membership m) x;
end $$;

-- ---------------------------------------------------------------------------------------------
-- The triggers. Each passes the (party, claim) pairs or the roots its statement may have moved.

create function tracker_scope_positions_response_insert() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_scope_positions(array_agg(n.party_id), array_agg(n.claim_id)) from new_rows n;
  return null;
end $$;

create function tracker_scope_positions_response_update() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_scope_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[o.party_id, n.party_id]) as party_id, unnest(array[o.claim_id, n.claim_id]) as claim_id
             from old_rows o
             join new_rows n on n.id = o.id
            where (o.party_id, o.claim_id, o.stance, o.stated_on)
                  is distinct from (n.party_id, n.claim_id, n.stance, n.stated_on)) x;
  return null;
end $$;

create function tracker_scope_positions_response_delete() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_scope_positions(array_agg(o.party_id), array_agg(o.claim_id)) from old_rows o;
  return null;
end $$;

create function tracker_scope_positions_rebuild() returns trigger
  language plpgsql as $$
begin
  perform tracker_rebuild_scope_positions();
  return null;
end $$;

create function tracker_scope_positions_claim_insert() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_scope_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[n.claimant_id, n.addressed_party_id]) as party_id, n.id as claim_id from new_rows n) x;
  return null;
end $$;

-- The parties of the claims given: claimant, addressed party, everyone who responded (old and new
-- rows of a claim update both pass through here).
create function tracker_refresh_scope_claims(claim_ids bigint[], extra_party_ids bigint[], extra_claim_ids bigint[])
  returns void
  language plpgsql as $$
begin
  perform tracker_refresh_scope_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[c.claimant_id, c.addressed_party_id]) as party_id, c.id as claim_id
             from claim c where c.id = any (claim_ids)
           union all
           select r.party_id, r.claim_id from response r where r.claim_id = any (claim_ids)
           union all
           select k.party_id, k.claim_id from unnest(extra_party_ids, extra_claim_ids) k (party_id, claim_id)) x;
end $$;

create function tracker_scope_positions_claim_update() returns trigger
  language plpgsql as $$
begin
  -- Changed claims: their current parties (read from the table, which holds the new rows), and
  -- the claimant and addressed party they had before.
  perform tracker_refresh_scope_claims(array_agg(n.id),
                                       array_agg(o.claimant_id) || array_agg(o.addressed_party_id),
                                       array_agg(o.id) || array_agg(o.id))
     from old_rows o
     join new_rows n on n.id = o.id
    where (o.claimant_id, o.addressed_party_id, o.stated_on, o.incident_id, o.kind = 'commentary')
          is distinct from (n.claimant_id, n.addressed_party_id, n.stated_on, n.incident_id, n.kind = 'commentary');
  return null;
end $$;

create function tracker_scope_positions_incident_update() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_scope_claims(array_agg(c.id), null, null)
     from old_rows o
     join new_rows n on n.id = o.id
     join claim c on c.incident_id = n.id
    where o.occurred_on is distinct from n.occurred_on;
  return null;
end $$;

-- A new party has no claims or responses yet, and a party with any cannot be deleted (the foreign
-- keys restrict), so inserting or deleting one moves no position: only its parent's scope may start
-- or stop being rolled (built whole, or emptied). A new parent moves the scopes of both parents'
-- ancestors and groups, recomputed whole.
create function tracker_scope_positions_party_change() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform tracker_refresh_scope_roots(array_agg(x.parent_id), array_agg(x.scope))
       from (select distinct n.parent_id, s.scope::varchar as scope
               from new_rows n, (values ('parts'), ('members')) s (scope)
              where n.parent_id is not null
                and not exists (select 1 from party p where p.parent_id = n.parent_id
                                  and p.id not in (select n2.id from new_rows n2))
                and not (s.scope = 'members'
                         and exists (select 1 from party_membership m where m.group_id = n.parent_id))) x;
  elsif tg_op = 'DELETE' then
    perform tracker_refresh_scope_roots(array_agg(x.parent_id), array_agg(x.scope))
       from (select distinct o.parent_id, s.scope::varchar as scope
               from old_rows o, (values ('parts'), ('members')) s (scope)
              where o.parent_id is not null and not tracker_scope_is_rolled(o.parent_id, s.scope)) x;
  else
    perform tracker_refresh_scope_roots(array_agg(r.root_id), array_agg(r.scope))
       from tracker_scope_roots(array(select x.parent_id
                                         from old_rows o join new_rows n on n.id = o.id,
                                              unnest(array[o.parent_id, n.parent_id]) x (parent_id)
                                        where o.parent_id is distinct from n.parent_id
                                          and x.parent_id is not null)) r;
  end if;
  return null;
end $$;

create function tracker_scope_positions_membership_change() returns trigger
  language plpgsql as $$
declare
  groups bigint[];
begin
  if tg_op = 'INSERT' then
    select array_agg(n.group_id) into groups from new_rows n;
  elsif tg_op = 'DELETE' then
    select array_agg(o.group_id) into groups from old_rows o;
  else
    select array_agg(x.group_id) into groups
      from (select unnest(array[o.group_id, n.group_id]) as group_id
              from old_rows o join new_rows n on n.id = o.id
             where (o.member_id, o.group_id, o.valid_from, o.valid_to)
                   is distinct from (n.member_id, n.group_id, n.valid_from, n.valid_to)) x;
  end if;
  if cardinality(groups) > 0 then
    perform tracker_refresh_scope_roots(groups, array_fill('members'::varchar, array[cardinality(groups)]));
  end if;
  return null;
end $$;

create trigger response_scope_positions_insert after insert on response referencing new table as new_rows
  for each statement execute function tracker_scope_positions_response_insert();
create trigger response_scope_positions_update after update on response
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_response_update();
create trigger response_scope_positions_delete after delete on response referencing old table as old_rows
  for each statement execute function tracker_scope_positions_response_delete();
create trigger response_scope_positions_truncate after truncate on response
  for each statement execute function tracker_scope_positions_rebuild();
create trigger claim_scope_positions_insert after insert on claim referencing new table as new_rows
  for each statement execute function tracker_scope_positions_claim_insert();
create trigger claim_scope_positions_update after update on claim referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_claim_update();
create trigger incident_scope_positions_update after update on incident
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_incident_update();
create trigger party_scope_positions_insert after insert on party referencing new table as new_rows
  for each statement execute function tracker_scope_positions_party_change();
create trigger party_scope_positions_update after update on party referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_party_change();
create trigger party_scope_positions_delete after delete on party referencing old table as old_rows
  for each statement execute function tracker_scope_positions_party_change();
create trigger party_membership_scope_positions_insert after insert on party_membership referencing new table as new_rows
  for each statement execute function tracker_scope_positions_membership_change();
create trigger party_membership_scope_positions_update after update on party_membership
  referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_scope_positions_membership_change();
create trigger party_membership_scope_positions_delete after delete on party_membership referencing old table as old_rows
  for each statement execute function tracker_scope_positions_membership_change();

-- ---------------------------------------------------------------------------------------------
-- Backfill, then the indexes (faster than maintaining them row by row).
do $$ begin perform tracker_rebuild_scope_positions(); end $$;

-- A page of a root's claims in any position, most recent first; and in one position.
create index party_scope_position_all_idx on party_scope_position (root_id, scope, sort_on desc, claim_id desc)
  include (position, response_id);
create index party_scope_position_page_idx on party_scope_position (root_id, scope, position, sort_on desc, claim_id desc)
  include (response_id);
-- The claim's foreign key cascade finds a claim's rows.
create index party_scope_position_claim_idx on party_scope_position (claim_id);
analyze party_scope_position;
