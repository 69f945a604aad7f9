-- The scoped positions of a bulk write planned for the tables as they are, not with a plan kept from
-- when they were small (issue 21; V23's regression of bulk imports).
--
-- V23 let tracker_merge_scope_positions keep a generic plan for calls of at most
-- tracker_small_write() triples. A bulk write (an import, a rebuild, a change of the hierarchy)
-- merges root by root through tracker_write_scope_positions, and most roots have few claims, so
-- those calls ran the kept plan too: a plan made on the session's first call, in an import when the
-- positions tables and the responses were still empty, and kept while the same transaction filled
-- them (no ANALYZE runs inside it to replace the plan). Reading every response and position row
-- for each root, the 20k-claim import took 45-56 s for its claims and 63-65 s for its responses
-- against 9 and 10 s before V23, and the 1M import's responses 2,477 s against 1,082 s
-- (bench/RESULTS.md, "Bulk imports after V23").
--
-- Now the merge takes keep_plan: true (the default) for the triggers' refresh, which merges all of
-- a statement's triples in one call, so that the writes of the API keep V23's plan; false from
-- tracker_write_scope_positions, whose every call is planned for its size, as before V23.

drop function tracker_merge_scope_positions(bigint[], varchar[], bigint[]);

create function tracker_merge_scope_positions(root_ids bigint[], scopes varchar[], claim_ids bigint[],
                                              keep_plan boolean default true) returns void
  language plpgsql
  set work_mem = '64MB'
  set jit = off
  set random_page_cost = 1.1
  set plan_cache_mode = force_generic_plan
  as $$
begin
  if not keep_plan or cardinality(claim_ids) > tracker_small_write() then
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

comment on function tracker_merge_scope_positions(bigint[], varchar[], bigint[], boolean) is
  'Merges the rolled-up positions of the given (root, scope, claim) triples into party_scope_position and party_scope_silent; with keep_plan, a call of at most tracker_small_write() triples runs the plan kept for the session (V23, V24).';

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
  perform tracker_merge_scope_positions(array_fill(root, array[n]), array_fill(scope, array[n]), claim_ids, false);
end $$;

