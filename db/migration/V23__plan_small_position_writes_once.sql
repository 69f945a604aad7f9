-- A write's positions planned once per connection, not on every write (issue 21, writes).
--
-- The two functions that keep the derived positions, tracker_refresh_party_positions (V5, V9) and
-- tracker_merge_scope_positions (V22), ran their statement with EXECUTE: planned anew on every call,
-- with the real arrays, so that a bulk write (thousands of pairs) gets a plan for its size. For
-- the write of one response or claim (one to a few pairs) the planning was most of the work:
-- on the 20k-claim set, with the machine busy, the scoped rule for two triples took ~2 ms to plan and
-- ~0.9 ms to run, and the merge of one response's two scopes ~3.5 ms a call against ~0.8 ms with a
-- kept plan (bench/RESULTS.md, "Writes with the positions' plans kept (V23)").
--
-- Now each statement is static PL/pgSQL, whose plan PostgreSQL keeps for the session: a small call
-- (at most tracker_small_write() pairs) runs the kept generic plan (plan_cache_mode
-- force_generic_plan, set on the function, so the caller's setting is untouched); a larger one
-- sets force_custom_plan for the call (a SET LOCAL of a setting the function sets ends with the
-- function) and is planned with its arrays, as before. Same statements, same results; only the
-- planning changes.

create function tracker_small_write() returns integer
  language sql immutable parallel safe
  as 'select 100';
comment on function tracker_small_write() is
  'The most (party, claim) pairs or (root, scope, claim) triples a positions write runs with the plan kept for the session; more are planned for their size (V23).';

create or replace function tracker_refresh_party_positions(party_ids bigint[], claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  set plan_cache_mode = force_generic_plan
  as $$
begin
  if coalesce(cardinality(claim_ids), 0) = 0 then
    return;
  end if;
  if cardinality(claim_ids) > tracker_small_write() then
    perform set_config('plan_cache_mode', 'force_custom_plan', true);
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

  with pairs as (
    select distinct k.party_id, k.claim_id
      from unnest(party_ids, claim_ids) as k(party_id, claim_id)
     where k.party_id is not null and k.claim_id is not null
  ), latest as (
    select distinct on (r.party_id, r.claim_id) r.party_id, r.claim_id, r.id, r.stance, r.stated_on
      from pairs k
      join response r on r.party_id = k.party_id and r.claim_id = k.claim_id
     order by r.party_id, r.claim_id, r.stated_on desc, r.id desc
  ), derived as (
    select k.party_id, k.claim_id,
           case when c.kind = 'commentary' then null
                else tracker_position(l.stance, c.claimant_id = k.party_id,
                                      c.addressed_party_id is not distinct from k.party_id) end as position,
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
                           excluded.sort_on);
end $$;

create or replace function tracker_merge_scope_positions(root_ids bigint[], scopes varchar[], claim_ids bigint[]) returns void
  language plpgsql
  set work_mem = '64MB'
  set jit = off
  set random_page_cost = 1.1
  set plan_cache_mode = force_generic_plan
  as $$
begin
  if cardinality(claim_ids) > tracker_small_write() then
    perform set_config('plan_cache_mode', 'force_custom_plan', true);
  end if;
  with derived as materialized (
    select d.* from tracker_scoped_positions_among(root_ids, scopes, null, claim_ids) d
  ), dropped as (
    delete from party_scope_position p
     where (p.root_id, p.scope, p.claim_id) in
           (select t.root_id, t.scope, t.claim_id
              from unnest(root_ids, scopes, claim_ids) as t (root_id, scope, claim_id)
             where (t.root_id, t.scope, t.claim_id) not in (select d.root_id, d.scope, d.claim_id from derived d
                                                             where d.position is not null))
  ), silenced as (
    delete from party_scope_silent q
     where (q.root_id, q.scope, q.claim_id) in
           (select t.root_id, t.scope, t.claim_id
              from unnest(root_ids, scopes, claim_ids) as t (root_id, scope, claim_id)
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
                           excluded.stated_on);
end $$;
