-- A write recomputes the rolled-up positions (party_scope_position, V14) of every (root, scope) it
-- touches in one statement, instead of one planned statement per (root, scope).
--
-- V14 called tracker_write_scope_positions once per rolled (root, scope) above the parties of the
-- write: a response by a part three levels down in a coalition's member recomputed seven pairs, each
-- a statement of its own, planned for its call, walking its scope again (bench/POSITIONS.md: 32.7 ms
-- for such a response against 3.8 ms before V14). Here the derivation is keyed by (root, scope,
-- claim), so the pairs of a write are one statement: each scope is walked once (a lateral call of
-- tracker_scope per pair), and the result is merged into the table as before (rows no longer
-- holding a position deleted, changed rows updated, new ones inserted).
--
-- The rule is tracker_scoped_positions_of's (V14), which is tracker_scoped_positions' (V12) for the
-- current state; ScopedPositionMaintenanceTest holds the table equal to tracker_scoped_positions
-- after random sequences of writes. Large batches (more than 5,000 claims: imports) and changes of
-- the hierarchy still go through V14's per-(root, scope) path, planned for a whole scope.

create function tracker_scoped_positions_for(root_ids bigint[], scopes varchar[], claim_ids bigint[])
  returns table (root_id bigint, scope varchar, claim_id bigint, "position" varchar, response_id bigint,
                 respondent_id bigint, stance varchar, response_on date, sort_on date)
  language sql stable parallel safe
  as $$
    with targets as (
      select distinct t.root_id, t.scope, t.claim_id
        from unnest(root_ids, scopes, claim_ids) as t (root_id, scope, claim_id)
    ), s as (
      select r.root_id, r.scope, x.party_id, x.valid_from, x.valid_to
        from (select distinct t.root_id, t.scope from targets t) r
        cross join lateral tracker_scope(r.root_id, r.scope, null) x
    ), claims as (
      select t.root_id, t.scope, c.id, c.stated_on, c.claimant_id, c.addressed_party_id,
             coalesce(i.occurred_on, c.stated_on) as claim_on
        from targets t
        join claim c on c.id = t.claim_id
        left join incident i on i.id = c.incident_id
       where c.kind <> 'commentary'
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
       where exists (select 1 from s where s.root_id = k.root_id and s.scope = k.scope and s.party_id = r.party_id
                       and (s.valid_from is null or s.valid_from <= k.claim_on)
                       and (s.valid_to is null or k.claim_on <= s.valid_to))
       order by k.root_id, k.scope, k.id, r.party_id, r.stated_on desc, r.id desc
    ), last_day as (
      select l.*, max(l.stated_on) over (partition by l.root_id, l.scope, l.claim_id) as latest_on from latest l
    ), voices as (
      select d.root_id, d.scope, d.claim_id,
             count(distinct d.position) filter (where d.position in ('denied', 'confirmed', 'partially_confirmed',
                                                                     'withdrawn')) as voices
        from last_day d
       where d.stated_on = d.latest_on
       group by d.root_id, d.scope, d.claim_id
    ), deciding as (
      select distinct on (d.root_id, d.scope, d.claim_id)
             d.root_id, d.scope, d.claim_id, d.party_id, d.id, d.stance, d.stated_on, v.voices
        from last_day d
        join voices v on v.root_id = d.root_id and v.scope = d.scope and v.claim_id = d.claim_id
       where d.stated_on = d.latest_on
       order by d.root_id, d.scope, d.claim_id, d.id desc
    )
    select * from (
      select k.root_id, k.scope, k.id,
             (case when x.voices > 1 then 'contested'
                   else tracker_position(x.stance, k.is_claimant, k.is_addressed) end)::varchar as position,
             x.id, x.party_id, x.stance, x.stated_on, coalesce(x.stated_on, k.stated_on)
        from flagged k
        left join deciding x on x.root_id = k.root_id and x.scope = k.scope and x.claim_id = k.id
    ) y
    where y.position is not null
  $$;

comment on function tracker_scoped_positions_for(bigint[], varchar[], bigint[]) is
  'The current rolled-up position of each (root, scope, claim) given (three arrays in step), as tracker_scoped_positions_of computes it for one (root, scope) (V16).';

-- As V14's, but a batch of up to 5,000 claims is merged in one statement for all its pairs.
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
    -- A bulk write: V14's path, each (root, scope) planned for its claims.
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
  -- Planned for each call with the real pairs and claims (a generic plan would not know them).
  execute $sql$
    with derived as (
      select d.* from tracker_scoped_positions_for($1, $2, $3) d
    ), dropped as (
      delete from party_scope_position p
       using unnest($1, $2, $3) as t (root_id, scope, claim_id)
       where p.root_id = t.root_id and p.scope = t.scope and p.claim_id = t.claim_id
         and not exists (select from derived d
                          where d.root_id = p.root_id and d.scope = p.scope and d.claim_id = p.claim_id)
    )
    insert into party_scope_position as p (root_id, scope, claim_id, position, response_id, respondent_id, sort_on)
    select d.root_id, d.scope, d.claim_id, d.position, d.response_id, d.respondent_id, d.sort_on
      from derived d
     order by d.root_id, d.scope, d.claim_id
    on conflict (root_id, scope, claim_id) do update
       set position = excluded.position, response_id = excluded.response_id,
           respondent_id = excluded.respondent_id, sort_on = excluded.sort_on
     where (p.position, p.response_id, p.respondent_id, p.sort_on)
           is distinct from (excluded.position, excluded.response_id, excluded.respondent_id, excluded.sort_on)
  $sql$
  using t_roots, t_scopes, t_claims;
end $$;
