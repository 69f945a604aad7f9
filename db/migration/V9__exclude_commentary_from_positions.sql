-- Commentary: an outlet's, author's or pundit's reading of events (a motive read into an act, a
-- reading of another party's statement, speculation, background), recorded as a claim of kind
-- 'commentary' so that it keeps its verbatim sources and can be answered, but kept apart from what
-- parties allege. A commentary record gives nobody a position: the maintained tables of V5
-- (party_position, party_position_count) hold positions on claims only, so the party lists,
-- summaries, dashboard and reporting views leave commentary out by default; whoever asks for it
-- reads party_commentary_position, derived on the fly with the same rule (tracker_position).
-- Commentary is a small part of any archive, so deriving it on request costs little.

alter table claim drop constraint claim_kind_check,
  add constraint claim_kind_check
    check (kind in ('attack_attribution', 'casualties', 'cooperation', 'agreement_breach',
                    'capability', 'threat', 'other', 'commentary'));

-- V5's recomputation, with one change: a pair whose claim is commentary has no position, so it is
-- deleted from (or never enters) party_position.
create or replace function tracker_refresh_party_positions(party_ids bigint[], claim_ids bigint[]) returns void
  language plpgsql
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
                             excluded.sort_on)
  $sql$ using party_ids, claim_ids;
end $$;

-- V5's claim trigger, plus: a claim that becomes commentary, or stops being commentary, moves the
-- pairs of its addressed party and of every party that responded to it.
create or replace function tracker_positions_claim_update() returns trigger
  language plpgsql as $$
begin
  perform tracker_refresh_party_positions(array_agg(x.party_id), array_agg(x.claim_id))
     from (select unnest(array[o.claimant_id, n.claimant_id, o.addressed_party_id, n.addressed_party_id]) as party_id,
                  unnest(array[o.id, n.id, o.id, n.id]) as claim_id
             from old_rows o
             join new_rows n on n.id = o.id
            where (o.claimant_id, o.addressed_party_id) is distinct from (n.claimant_id, n.addressed_party_id)
               or (o.kind = 'commentary') <> (n.kind = 'commentary')
           union all
           select r.party_id, r.claim_id
             from old_rows o
             join new_rows n on n.id = o.id
             join response r on r.claim_id = n.id
            where (o.kind = 'commentary') <> (n.kind = 'commentary')
           union all
           select pp.party_id, pp.claim_id
             from old_rows o
             join new_rows n on n.id = o.id
             join party_position pp on pp.claim_id = n.id
            where o.stated_on is distinct from n.stated_on) x;
  return null;
end $$;

-- The positions that commentary would give if it were a claim, with the columns of party_position:
-- what the API, the admin pages and the reporting views add when commentary is asked for.
create view party_commentary_position as
with latest as (
  select distinct on (r.party_id, r.claim_id) r.party_id, r.claim_id, r.id, r.stance, r.stated_on
    from response r
    join claim c on c.id = r.claim_id
   where c.kind = 'commentary'
   order by r.party_id, r.claim_id, r.stated_on desc, r.id desc
), pairs as (
  select c.addressed_party_id as party_id, c.id as claim_id
    from claim c
   where c.kind = 'commentary' and c.addressed_party_id is not null
  union
  select l.party_id, l.claim_id from latest l
), derived as (
  select k.party_id, k.claim_id,
         tracker_position(l.stance, c.claimant_id = k.party_id, c.addressed_party_id is not distinct from k.party_id)
           as position,
         c.claimant_id = k.party_id as is_claimant,
         c.addressed_party_id is not distinct from k.party_id as is_addressed,
         l.id as latest_response_id, l.stance as latest_stance, l.stated_on as latest_stated_on,
         coalesce(l.stated_on, c.stated_on) as sort_on
    from pairs k
    join claim c on c.id = k.claim_id
    left join latest l on l.party_id = k.party_id and l.claim_id = k.claim_id
)
select d.party_id, d.claim_id, d.position, d.is_claimant, d.is_addressed, d.latest_response_id, d.latest_stance,
       d.latest_stated_on, d.sort_on
  from derived d
 where d.position is not null;

comment on view party_commentary_position is
  'Derived on the fly: the positions parties would hold on commentary (claims of kind commentary), which party_position leaves out (see V9).';

-- No claim can be commentary before this migration, so party_position holds nothing to remove.
