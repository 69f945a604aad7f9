-- Positions up the hierarchy (README, "Positions up the hierarchy"; issue 16).
--
-- A question about a party's positions has a scope: self (the party alone, what party_position
-- holds), parts (the party and every party whose parent chain leads to it) or members (also the
-- parties with a dated membership of it, with their parts, each counted only for claims whose date,
-- the incident's date else the date stated, falls within the membership). The rolled-up position
-- is tracker_position's rule applied to the scope as a whole; parties in scope that disagree on the
-- latest date make it 'contested'.
--
-- Computed when asked, not maintained: the scope of a party is a few rows (a recursive walk down
-- party_parent_idx plus party_membership_group_idx), and its positions are read through the
-- indexes that serve the self answers as of a date (claim_addressed_party_idx,
-- response_party_claim_idx). On the seed data a scoped page answers in about a millisecond (see the
-- measurements in the report of issue 16); the 1M benchmark is left for bench/RESULTS.md.

-- 'contested' joins the Position vocabulary. party_position never holds it (one party cannot
-- disagree with itself), but the vocabulary has one spelling everywhere (VocabularyTest).
alter table party_position drop constraint party_position_position_check,
  add constraint party_position_position_check
    check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'));
alter table party_position_count drop constraint party_position_count_position_check,
  add constraint party_position_count_position_check
    check (position in ('denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn', 'contested'));

-- The parties in a scope of party root, with the dates of the claims they count for: parts and the
-- party itself count for every claim (valid_from, valid_to null), a member and its parts for the
-- claims dated within the membership. A party can be listed more than once (a member that is also
-- a part, a member that joined twice); it counts for a claim when any of its rows covers the date.
-- A membership that begins after as_of is not yet known on that date. A cycle of parents (which the
-- schema does not forbid beyond one step) ends the walk instead of looping: union keeps it finite.
create function tracker_scope(root bigint, scope varchar, as_of date default null)
  returns table (party_id bigint, valid_from date, valid_to date, via varchar)
  language sql stable parallel safe
  as $$
    with recursive parts (party_id) as (
      select root
      union
      select p.id from party p join parts x on p.parent_id = x.party_id
       where scope in ('parts', 'members')
    ), members (party_id, valid_from, valid_to) as (
      select m.member_id, m.valid_from, m.valid_to
        from party_membership m
       where scope = 'members' and m.group_id = root
         and (m.valid_from is null or m.valid_from <= coalesce(as_of, 'infinity'::date))
      union
      select p.id, x.valid_from, x.valid_to from party p join members x on p.parent_id = x.party_id
    )
    select x.party_id, null::date, null::date,
           (case when x.party_id = root then 'self' else 'part' end)::varchar
      from parts x
    union all
    select m.party_id, m.valid_from, m.valid_to, 'member'::varchar from members m
  $$;

comment on function tracker_scope(bigint, varchar, date) is
  'The parties in scope (self, parts or members) of a party, with the claim dates each counts for (null: always).';

-- The positions of party root within a scope, as of a date (null: today), commentary included only
-- when asked for: one row per claim, with the deciding response (the latest, by date stated then
-- id, among the responses of the parties in scope that count for the claim), who gave it, and the
-- date the lists sort by. With scope self this is exactly what party_position holds (the tests
-- compare the two).
create function tracker_scoped_positions(root bigint, scope varchar, as_of date default null,
                                         commentary boolean default false)
  returns table (claim_id bigint, "position" varchar, response_id bigint, respondent_id bigint,
                 stance varchar, response_on date, sort_on date)
  language sql stable parallel safe
  as $$
    with s as (
      select * from tracker_scope(root, scope, as_of)
    ), candidates as (
      select c.id from claim c join s on s.party_id = c.addressed_party_id
       where c.stated_on <= coalesce(as_of, 'infinity'::date)
      union
      select r.claim_id from response r join s on s.party_id = r.party_id
       where r.stated_on <= coalesce(as_of, 'infinity'::date)
    ), claims as (
      select c.id, c.stated_on, c.claimant_id, c.addressed_party_id,
             coalesce(i.occurred_on, c.stated_on) as claim_on
        from candidates k
        join claim c on c.id = k.id
        left join incident i on i.id = c.incident_id
       where c.stated_on <= coalesce(as_of, 'infinity'::date) and (commentary or c.kind <> 'commentary')
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
      -- each party in scope: its latest response on the claim
      select distinct on (k.id, r.party_id) k.id as claim_id, r.party_id, r.id, r.stance, r.stated_on,
             tracker_position(r.stance, k.is_claimant, k.is_addressed) as position
        from flagged k
        join response r on r.claim_id = k.id
       where r.stated_on <= coalesce(as_of, 'infinity'::date)
         and exists (select 1 from s where s.party_id = r.party_id
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

comment on function tracker_scoped_positions(bigint, varchar, date, boolean) is
  'A party''s positions rolled up over a scope (self, parts, members), as of a date: the deciding response and who gave it; contested when parties in scope disagree on the latest date.';
