-- The reporting views: the stable, documented surface that report writers read (as the role
-- claims_reporting, or through GET /api/reports). db/reports/README.md documents every column,
-- and the comments below say the same, so that psql (\d+) and BI tools show it too; a test keeps
-- the two in step. The contract is additive: columns and views are added, never renamed or removed.
--
-- Flyway reruns this file whenever it changes: everything in schema reporting is dropped and
-- created again in one transaction, so readers never see the schema half built.
--
-- Rules every view follows:
-- * A party's position on a claim comes from tracker_position() applied to the party's latest
--   response, latest by stated_on and then by id, exactly as the API computes it.
-- * Commentary (claims of kind commentary: an outlet's or author's reading) gives no position and
--   blames nobody: the position and blame views leave it out (party_position holds none, V9), and
--   only positions_as_of(date, true) adds it. The views of records (claims, responses, sources,
--   outlets) list it, with its claim_kind.
-- * Text columns are cast to text, so that widening a base column never changes the contract.
-- * Views run with their owner's rights: the reporting role reads them without any privilege on
--   the base tables. So a view must never expose what report writers may not see (article texts,
--   audit user names, anything about accounts).
-- * A versioned migration that changes a column a view reads must drop the views that use it
--   (drop view ... cascade) and change this file (e.g. its revision line), so that they come back.
--
-- Revision: 5

do $$
declare
  statement text;
begin
  foreach statement in array array(
    select format('drop function if exists %s cascade', p.oid::regprocedure)
      from pg_proc p where p.pronamespace = 'reporting'::regnamespace
    union all
    select format('drop view if exists reporting.%I cascade', c.relname)
      from pg_class c where c.relnamespace = 'reporting'::regnamespace and c.relkind = 'v')
  loop
    execute statement;
  end loop;
end $$;

-- ---------------------------------------------------------------------------------------------
create view reporting.parties as
select p.id as party_id,
       p.name::text as party_name,
       p.kind::text as party_kind,
       p.parent_id,
       parent.name::text as parent_name,
       (select string_agg(a.alias::text, '; ' order by lower(a.alias))
          from party_alias a where a.party_id = p.id) as aliases
  from party p
  left join party parent on parent.id = p.parent_id;

comment on view reporting.parties is 'One row per party (actor), with its aliases and parent.';
comment on column reporting.parties.party_id is 'The party''s id, as in the API.';
comment on column reporting.parties.party_name is 'The party''s name.';
comment on column reporting.parties.party_kind is 'state, government_body, armed_force, armed_group, coalition, monitor_ngo, media_outlet or person.';
comment on column reporting.parties.parent_id is 'The party it belongs to (a ministry''s state, a spokesperson''s ministry); null when none.';
comment on column reporting.parties.parent_name is 'The name of that parent party.';
comment on column reporting.parties.aliases is 'Its other names, alphabetically, separated by "; "; null when none.';

-- ---------------------------------------------------------------------------------------------
create view reporting.claims as
select c.id as claim_id,
       c.ref::text as claim_ref,
       c.proposition,
       c.kind::text as claim_kind,
       c.stated_on as claim_stated_on,
       c.grading::text as grading,
       c.casualties_low,
       c.casualties_high,
       c.claimant_id,
       claimant.name::text as claimant_name,
       c.speaker_id,
       speaker.name::text as speaker_name,
       c.addressed_party_id,
       addressed.name::text as addressed_party_name,
       c.incident_id,
       i.title::text as incident_title,
       i.occurred_on as incident_occurred_on,
       first_source.outlet_id as source_outlet_id,
       first_source.outlet_name as source_outlet_name,
       c.grading_note::text as grading_note
  from claim c
  join party claimant on claimant.id = c.claimant_id
  left join party speaker on speaker.id = c.speaker_id
  left join party addressed on addressed.id = c.addressed_party_id
  left join incident i on i.id = c.incident_id
  left join lateral (
    select o.id as outlet_id, o.name::text as outlet_name
      from claim_source s
      join article a on a.id = s.article_id
      join outlet o on o.id = a.outlet_id
     where s.claim_id = c.id
     order by a.published_on, a.id
     limit 1
  ) first_source on true;

comment on view reporting.claims is 'One row per claim: who alleges what against whom, when, about which incident.';
comment on column reporting.claims.claim_id is 'The claim''s id, as in the API.';
comment on column reporting.claims.claim_ref is 'The analyst''s reference for the claim; null when none.';
comment on column reporting.claims.proposition is 'What is alleged, in the analyst''s words.';
comment on column reporting.claims.claim_kind is 'attack_attribution, casualties, cooperation, agreement_breach, capability, threat, other, or commentary (an outlet''s or author''s reading, which gives no party a position).';
comment on column reporting.claims.claim_stated_on is 'When the claimant stated it.';
comment on column reporting.claims.grading is 'The analyst''s grading: unassessed, confirmed, fair, weak, contested or discounted.';
comment on column reporting.claims.casualties_low is 'The lowest casualty figure the claim gives; null when it gives none.';
comment on column reporting.claims.casualties_high is 'The highest casualty figure the claim gives; null when it gives none.';
comment on column reporting.claims.claimant_id is 'The party that alleges.';
comment on column reporting.claims.claimant_name is 'The claimant''s name.';
comment on column reporting.claims.speaker_id is 'The party that voiced the claim for the claimant (a spokesperson); null when not recorded.';
comment on column reporting.claims.speaker_name is 'The speaker''s name.';
comment on column reporting.claims.addressed_party_id is 'The party the claim is made against; null when it accuses nobody.';
comment on column reporting.claims.addressed_party_name is 'The addressed party''s name.';
comment on column reporting.claims.incident_id is 'The incident the claim is about; null when none.';
comment on column reporting.claims.incident_title is 'The incident''s title.';
comment on column reporting.claims.incident_occurred_on is 'When the incident happened (its first day); null when unknown.';
comment on column reporting.claims.source_outlet_id is 'The outlet of the claim''s earliest source article (by publication date, then id).';
comment on column reporting.claims.source_outlet_name is 'That outlet''s name.';
comment on column reporting.claims.grading_note is 'Why the analyst graded the claim so; null when no note was written.';

-- ---------------------------------------------------------------------------------------------
create view reporting.responses as
select r.id as response_id,
       r.ref::text as response_ref,
       r.claim_id,
       c.ref::text as claim_ref,
       r.party_id,
       p.name::text as party_name,
       case when r.party_id = c.claimant_id then 'claimant'
            when r.party_id = c.addressed_party_id then 'addressed'
            else 'respondent' end as party_role,
       r.stance::text as stance,
       r.stated_on,
       r.counter_claim_id,
       r.article_id,
       a.title::text as article_title,
       a.published_on as article_published_on,
       a.outlet_id,
       o.name::text as outlet_name,
       r.quote,
       r.speaker_id,
       speaker.name::text as speaker_name,
       r.quote_start,
       r.quote_end,
       r.note::text as note
  from response r
  join claim c on c.id = r.claim_id
  join party p on p.id = r.party_id
  join article a on a.id = r.article_id
  join outlet o on o.id = a.outlet_id
  left join party speaker on speaker.id = r.speaker_id;

comment on view reporting.responses is 'One row per response: a party''s stance on a claim, with its source. Responses accumulate; none is overwritten.';
comment on column reporting.responses.response_id is 'The response''s id, as in the API.';
comment on column reporting.responses.response_ref is 'The analyst''s reference for the response; null when none.';
comment on column reporting.responses.claim_id is 'The claim responded to.';
comment on column reporting.responses.claim_ref is 'That claim''s reference; null when none.';
comment on column reporting.responses.party_id is 'The party that responded.';
comment on column reporting.responses.party_name is 'That party''s name.';
comment on column reporting.responses.party_role is 'How the party stands to the claim: claimant, addressed or respondent (any other party).';
comment on column reporting.responses.stance is 'What the party said: asserts, confirms, partially_confirms, acknowledges, assessing, denies, counter_attributes, declines_comment or retracts.';
comment on column reporting.responses.stated_on is 'When the party said it.';
comment on column reporting.responses.counter_claim_id is 'The claim the response makes in turn ("it was them"); null when none.';
comment on column reporting.responses.article_id is 'The article that reports the response.';
comment on column reporting.responses.article_title is 'That article''s title.';
comment on column reporting.responses.article_published_on is 'When that article was published.';
comment on column reporting.responses.outlet_id is 'The outlet that published that article.';
comment on column reporting.responses.outlet_name is 'That outlet''s name.';
comment on column reporting.responses.quote is 'The response''s words, verbatim from the article.';
comment on column reporting.responses.speaker_id is 'The person or office who voiced the response for the party; null when not recorded.';
comment on column reporting.responses.speaker_name is 'That speaker''s name; null when not recorded.';
comment on column reporting.responses.quote_start is 'Where the quote begins in the article''s text, in Unicode code points from 0.';
comment on column reporting.responses.quote_end is 'Where the quote ends (exclusive), in code points.';
comment on column reporting.responses.note is 'The analyst''s note on the response; null when none.';

-- ---------------------------------------------------------------------------------------------
create view reporting.claim_source_articles as
select s.claim_id,
       s.article_id,
       a.title::text as article_title,
       a.published_on as article_published_on,
       a.outlet_id,
       o.name::text as outlet_name,
       a.republished_from_outlet_id,
       rf.name::text as republished_from_outlet_name,
       coalesce(a.republished_from_outlet_id, a.outlet_id) as origin_outlet_id,
       coalesce(rf.name, o.name)::text as origin_outlet_name,
       s.quote
  from claim_source s
  join article a on a.id = s.article_id
  join outlet o on o.id = a.outlet_id
  left join outlet rf on rf.id = a.republished_from_outlet_id;

comment on view reporting.claim_source_articles is 'One row per source of a claim: the article, its outlet, and the outlet the story comes from when the article is a syndicated copy.';
comment on column reporting.claim_source_articles.claim_id is 'The claim.';
comment on column reporting.claim_source_articles.article_id is 'The source article.';
comment on column reporting.claim_source_articles.article_title is 'That article''s title.';
comment on column reporting.claim_source_articles.article_published_on is 'When that article was published.';
comment on column reporting.claim_source_articles.outlet_id is 'The outlet that published the article.';
comment on column reporting.claim_source_articles.outlet_name is 'That outlet''s name.';
comment on column reporting.claim_source_articles.republished_from_outlet_id is 'The outlet the article was republished from; null when it is not a copy.';
comment on column reporting.claim_source_articles.republished_from_outlet_name is 'That outlet''s name.';
comment on column reporting.claim_source_articles.origin_outlet_id is 'The outlet the story is credited to: the one it was republished from, else the publishing outlet. Copies of one story share it.';
comment on column reporting.claim_source_articles.origin_outlet_name is 'That outlet''s name.';
comment on column reporting.claim_source_articles.quote is 'The claim''s words, verbatim from the article.';

-- ---------------------------------------------------------------------------------------------
-- Positions as of any date. The pairs (claim, party) that can carry a position are the claim's
-- addressed party and every party that responded; the position follows from the party's latest
-- response on or before the date. A null date means no limit: the current state. Commentary (claims
-- of kind commentary) gives no position unless include_commentary is true.
create function reporting.positions_as_of(as_of date, include_commentary boolean default false)
  returns table (
    claim_id bigint,
    claim_ref text,
    proposition text,
    claim_kind text,
    claim_stated_on date,
    grading text,
    claimant_id bigint,
    claimant_name text,
    addressed_party_id bigint,
    addressed_party_name text,
    incident_id bigint,
    incident_title text,
    party_id bigint,
    party_name text,
    party_role text,
    "position" text,
    latest_stance text,
    latest_stance_on date,
    latest_response_id bigint,
    stance_outlet_id bigint,
    stance_outlet_name text,
    source_outlet_id bigint,
    source_outlet_name text)
  language sql stable
begin atomic
  with latest as (
    select distinct on (r.claim_id, r.party_id)
           r.claim_id, r.party_id, r.party_name, r.response_id, r.stance, r.stated_on, r.outlet_id, r.outlet_name
      from reporting.responses r
     where r.stated_on <= coalesce(as_of, 'infinity'::date)
     order by r.claim_id, r.party_id, r.stated_on desc, r.response_id desc
  ), involved as (
    select c.claim_id, c.addressed_party_id as party_id, c.addressed_party_name as party_name
      from reporting.claims c
     where c.addressed_party_id is not null
    union
    select l.claim_id, l.party_id, l.party_name
      from latest l
  )
  select c.claim_id, c.claim_ref, c.proposition, c.claim_kind, c.claim_stated_on, c.grading,
         c.claimant_id, c.claimant_name, c.addressed_party_id, c.addressed_party_name,
         c.incident_id, c.incident_title,
         k.party_id, k.party_name,
         case when k.party_id = c.claimant_id then 'claimant'
              when k.party_id = c.addressed_party_id then 'addressed'
              else 'respondent' end,
         x.position::text,
         l.stance, l.stated_on, l.response_id, l.outlet_id, l.outlet_name,
         c.source_outlet_id, c.source_outlet_name
    from involved k
    join reporting.claims c on c.claim_id = k.claim_id
    left join latest l on l.claim_id = k.claim_id and l.party_id = k.party_id
    cross join lateral (
      select public.tracker_position(l.stance, k.party_id = c.claimant_id,
                                     k.party_id is not distinct from c.addressed_party_id) as position
    ) x
   where c.claim_stated_on <= coalesce(as_of, 'infinity'::date)
     and (include_commentary or c.claim_kind <> 'commentary')
     and x.position is not null;
end;

comment on function reporting.positions_as_of(date, boolean) is 'The rows of claim_positions as they stood on the given date: later claims and responses are ignored. Null gives the current state. Commentary is left out unless include_commentary is true.';

-- The current state is read from party_position, which triggers keep equal to what
-- positions_as_of(null) computes (V5__derive_party_positions.sql; the tests compare the two): at a
-- million claims this answers in seconds rather than deriving every position again.
create view reporting.claim_positions as
select c.claim_id, c.claim_ref, c.proposition, c.claim_kind, c.claim_stated_on, c.grading,
       c.claimant_id, c.claimant_name, c.addressed_party_id, c.addressed_party_name,
       c.incident_id, c.incident_title,
       pp.party_id,
       p.name::text as party_name,
       case when pp.is_claimant then 'claimant'
            when pp.is_addressed then 'addressed'
            else 'respondent' end as party_role,
       pp.position::text as "position",
       pp.latest_stance::text as latest_stance,
       pp.latest_stated_on as latest_stance_on,
       pp.latest_response_id,
       o.id as stance_outlet_id,
       o.name::text as stance_outlet_name,
       c.source_outlet_id, c.source_outlet_name
  from public.party_position pp
  join reporting.claims c on c.claim_id = pp.claim_id
  join public.party p on p.id = pp.party_id
  left join public.response r on r.id = pp.latest_response_id
  left join public.article a on a.id = r.article_id
  left join public.outlet o on o.id = a.outlet_id;

comment on view reporting.claim_positions is 'One row per claim and party holding a position on it (the addressed party, and every party that responded, unless its answer gives no position), with the party''s latest stance. Commentary gives no position and is left out.';
comment on column reporting.claim_positions.claim_id is 'The claim.';
comment on column reporting.claim_positions.claim_ref is 'The claim''s reference; null when none.';
comment on column reporting.claim_positions.proposition is 'What the claim alleges.';
comment on column reporting.claim_positions.claim_kind is 'The claim''s kind (see claims.claim_kind).';
comment on column reporting.claim_positions.claim_stated_on is 'When the claim was stated.';
comment on column reporting.claim_positions.grading is 'The analyst''s grading of the claim.';
comment on column reporting.claim_positions.claimant_id is 'The party that alleges.';
comment on column reporting.claim_positions.claimant_name is 'The claimant''s name.';
comment on column reporting.claim_positions.addressed_party_id is 'The party the claim is made against; null when none.';
comment on column reporting.claim_positions.addressed_party_name is 'The addressed party''s name.';
comment on column reporting.claim_positions.incident_id is 'The incident the claim is about; null when none.';
comment on column reporting.claim_positions.incident_title is 'The incident''s title.';
comment on column reporting.claim_positions.party_id is 'The party whose position this row gives.';
comment on column reporting.claim_positions.party_name is 'That party''s name.';
comment on column reporting.claim_positions.party_role is 'claimant, addressed or respondent (a party that is neither but responded).';
comment on column reporting.claim_positions.position is 'The derived position: denied, confirmed, partially_confirmed, unresolved or withdrawn.';
comment on column reporting.claim_positions.latest_stance is 'The party''s latest stance on the claim (latest by date stated, then by id); null when it has not responded.';
comment on column reporting.claim_positions.latest_stance_on is 'When that latest stance was stated.';
comment on column reporting.claim_positions.latest_response_id is 'The response that holds that stance.';
comment on column reporting.claim_positions.stance_outlet_id is 'The outlet of the article that reports that stance.';
comment on column reporting.claim_positions.stance_outlet_name is 'That outlet''s name.';
comment on column reporting.claim_positions.source_outlet_id is 'The outlet of the claim''s earliest source article.';
comment on column reporting.claim_positions.source_outlet_name is 'That outlet''s name.';

-- ---------------------------------------------------------------------------------------------
-- From the maintained counts (party_position_count, V5): one row per party, whatever the archive's size.
create view reporting.position_summary as
select p.id as party_id,
       p.name::text as party_name,
       coalesce(sum(pc.n) filter (where pc.position = 'denied'), 0)::bigint as denied,
       coalesce(sum(pc.n) filter (where pc.position = 'confirmed'), 0)::bigint as confirmed,
       coalesce(sum(pc.n) filter (where pc.position = 'partially_confirmed'), 0)::bigint as partially_confirmed,
       coalesce(sum(pc.n) filter (where pc.position = 'unresolved'), 0)::bigint as unresolved,
       coalesce(sum(pc.n) filter (where pc.position = 'withdrawn'), 0)::bigint as withdrawn,
       sum(pc.n)::bigint as total
  from public.party_position_count pc
  join public.party p on p.id = pc.party_id
 group by p.id, p.name
having sum(pc.n) > 0;

comment on view reporting.position_summary is 'One row per party holding any position: on how many claims it holds each position now. Commentary is left out.';
comment on column reporting.position_summary.party_id is 'The party.';
comment on column reporting.position_summary.party_name is 'The party''s name.';
comment on column reporting.position_summary.denied is 'Claims the party denied (latest stance denies or counter_attributes).';
comment on column reporting.position_summary.confirmed is 'Claims the party confirmed (latest stance confirms or acknowledges).';
comment on column reporting.position_summary.partially_confirmed is 'Claims the party partially confirmed.';
comment on column reporting.position_summary.unresolved is 'Claims made against the party that it has neither denied nor confirmed.';
comment on column reporting.position_summary.withdrawn is 'Claims the party made and then retracted.';
comment on column reporting.position_summary.total is 'All claims on which the party holds a position.';

create view reporting.position_summary_by_month as
select pp.party_id,
       p.name::text as party_name,
       date_trunc('month', c.stated_on)::date as claim_month,
       count(*) filter (where pp.position = 'denied') as denied,
       count(*) filter (where pp.position = 'confirmed') as confirmed,
       count(*) filter (where pp.position = 'partially_confirmed') as partially_confirmed,
       count(*) filter (where pp.position = 'unresolved') as unresolved,
       count(*) filter (where pp.position = 'withdrawn') as withdrawn,
       count(*) as total
  from public.party_position pp
  join public.claim c on c.id = pp.claim_id
  join public.party p on p.id = pp.party_id
 group by pp.party_id, p.name, date_trunc('month', c.stated_on)::date;

comment on view reporting.position_summary_by_month is 'One row per party and month in which claims it holds a position on were stated: the current positions on those claims. Commentary is left out.';
comment on column reporting.position_summary_by_month.party_id is 'The party.';
comment on column reporting.position_summary_by_month.party_name is 'The party''s name.';
comment on column reporting.position_summary_by_month.claim_month is 'The first day of the month in which the claims were stated.';
comment on column reporting.position_summary_by_month.denied is 'Claims of that month the party denied.';
comment on column reporting.position_summary_by_month.confirmed is 'Claims of that month the party confirmed.';
comment on column reporting.position_summary_by_month.partially_confirmed is 'Claims of that month the party partially confirmed.';
comment on column reporting.position_summary_by_month.unresolved is 'Claims of that month made against the party that it has neither denied nor confirmed.';
comment on column reporting.position_summary_by_month.withdrawn is 'Claims of that month the party made and then retracted.';
comment on column reporting.position_summary_by_month.total is 'All claims of that month on which the party holds a position.';

-- ---------------------------------------------------------------------------------------------
-- Read from party_position directly rather than through claim_positions: the claim's earliest
-- source (a subquery per claim in reporting.claims) is not wanted here and costs seconds at scale.
create view reporting.unresolved_claims as
select c.id as claim_id,
       c.ref::text as claim_ref,
       c.proposition,
       c.kind::text as claim_kind,
       c.stated_on as claim_stated_on,
       c.claimant_id,
       claimant.name::text as claimant_name,
       c.addressed_party_id,
       addressed.name::text as addressed_party_name,
       c.incident_id,
       i.title::text as incident_title,
       pp.latest_stance::text as latest_stance,
       pp.latest_stated_on as latest_stance_on,
       current_date - c.stated_on as age_days,
       w.claim_id is not null as claim_withdrawn
  from public.party_position pp
  join public.claim c on c.id = pp.claim_id
  join public.party claimant on claimant.id = c.claimant_id
  left join public.party addressed on addressed.id = c.addressed_party_id
  left join public.incident i on i.id = c.incident_id
  left join (select distinct wp.claim_id from public.party_position wp where wp.position = 'withdrawn') w
         on w.claim_id = c.id
 where pp.position = 'unresolved';

comment on view reporting.unresolved_claims is 'One row per claim whose addressed party has neither denied nor confirmed it (no answer, assessing, declined to comment), with its age. Commentary is left out.';
comment on column reporting.unresolved_claims.claim_id is 'The claim.';
comment on column reporting.unresolved_claims.claim_ref is 'The claim''s reference; null when none.';
comment on column reporting.unresolved_claims.proposition is 'What the claim alleges.';
comment on column reporting.unresolved_claims.claim_kind is 'The claim''s kind.';
comment on column reporting.unresolved_claims.claim_stated_on is 'When the claim was stated.';
comment on column reporting.unresolved_claims.claimant_id is 'The party that alleges.';
comment on column reporting.unresolved_claims.claimant_name is 'The claimant''s name.';
comment on column reporting.unresolved_claims.addressed_party_id is 'The party that leaves the claim unresolved.';
comment on column reporting.unresolved_claims.addressed_party_name is 'That party''s name.';
comment on column reporting.unresolved_claims.incident_id is 'The incident the claim is about; null when none.';
comment on column reporting.unresolved_claims.incident_title is 'The incident''s title.';
comment on column reporting.unresolved_claims.latest_stance is 'The addressed party''s latest stance (assessing, declines_comment, ...); null when it has not responded.';
comment on column reporting.unresolved_claims.latest_stance_on is 'When that stance was stated.';
comment on column reporting.unresolved_claims.age_days is 'Days from the claim''s date stated to today (the database server''s date).';
comment on column reporting.unresolved_claims.claim_withdrawn is 'True when the claimant has since retracted the claim.';

-- ---------------------------------------------------------------------------------------------
create view reporting.response_latency as
select distinct on (r.claim_id, r.party_id)
       c.claim_id,
       c.claim_ref,
       c.claim_kind,
       c.claim_stated_on,
       c.claimant_id,
       c.claimant_name,
       r.party_id,
       r.party_name,
       r.party_role,
       r.response_id as first_response_id,
       r.stance as first_stance,
       r.stated_on as first_response_on,
       r.stated_on - c.claim_stated_on as latency_days
  from reporting.responses r
  join reporting.claims c on c.claim_id = r.claim_id
 where r.party_role <> 'claimant'
 order by r.claim_id, r.party_id, r.stated_on, r.response_id;

comment on view reporting.response_latency is 'One row per claim and party that responded to it (other than the claimant): how many days passed from the claim to the party''s first response.';
comment on column reporting.response_latency.claim_id is 'The claim.';
comment on column reporting.response_latency.claim_ref is 'The claim''s reference; null when none.';
comment on column reporting.response_latency.claim_kind is 'The claim''s kind.';
comment on column reporting.response_latency.claim_stated_on is 'When the claim was stated.';
comment on column reporting.response_latency.claimant_id is 'The party that alleges.';
comment on column reporting.response_latency.claimant_name is 'The claimant''s name.';
comment on column reporting.response_latency.party_id is 'The party that responded.';
comment on column reporting.response_latency.party_name is 'That party''s name.';
comment on column reporting.response_latency.party_role is 'addressed (the claim is against it) or respondent (any other party).';
comment on column reporting.response_latency.first_response_id is 'The party''s first response to the claim (earliest by date stated, then by id).';
comment on column reporting.response_latency.first_stance is 'The stance of that first response.';
comment on column reporting.response_latency.first_response_on is 'When the first response was stated.';
comment on column reporting.response_latency.latency_days is 'Days from the claim''s date stated to the first response (0: the same day).';

-- ---------------------------------------------------------------------------------------------
create view reporting.contested_incidents as
with answers as (
  select cp.claim_id, cp.latest_stance
    from reporting.claim_positions cp
   where cp.incident_id is not null and cp.party_role = 'addressed'
), per_incident as (
  select c.incident_id,
         count(*) as claims,
         count(distinct c.addressed_party_id) as blamed_parties,
         string_agg(distinct c.addressed_party_name, '; ' order by c.addressed_party_name) as blamed_party_names,
         count(*) filter (where a.latest_stance = 'denies') as denied_claims,
         count(*) filter (where a.latest_stance = 'counter_attributes') as counter_attributed_claims,
         min(c.claim_stated_on) as first_claim_on,
         max(c.claim_stated_on) as last_claim_on
    from reporting.claims c
    left join answers a on a.claim_id = c.claim_id
   where c.incident_id is not null
     and c.claim_kind <> 'commentary'
   group by c.incident_id
)
select i.id as incident_id,
       i.ref::text as incident_ref,
       i.title::text as incident_title,
       i.occurred_on,
       i.date_precision::text as date_precision,
       i.place::text as place,
       p.claims,
       p.blamed_parties,
       p.blamed_party_names,
       p.denied_claims,
       p.counter_attributed_claims,
       p.blamed_parties > 1 as blames_differ,
       p.denied_claims + p.counter_attributed_claims > 0 as blamed_party_denies,
       p.first_claim_on,
       p.last_claim_on
  from per_incident p
  join incident i on i.id = p.incident_id
 where p.blamed_parties > 1
    or p.denied_claims + p.counter_attributed_claims > 0;

comment on view reporting.contested_incidents is 'One row per contested incident: its claims blame different parties, or a blamed party currently denies or counter-attributes a claim. Commentary is left out.';
comment on column reporting.contested_incidents.incident_id is 'The incident.';
comment on column reporting.contested_incidents.incident_ref is 'The incident''s reference; null when none.';
comment on column reporting.contested_incidents.incident_title is 'The incident''s title.';
comment on column reporting.contested_incidents.occurred_on is 'When it happened (its first day); null when unknown.';
comment on column reporting.contested_incidents.date_precision is 'How precise that date is: day, month, year, range or unknown.';
comment on column reporting.contested_incidents.place is 'Where it happened; null when not recorded.';
comment on column reporting.contested_incidents.claims is 'Claims about the incident.';
comment on column reporting.contested_incidents.blamed_parties is 'Distinct parties those claims are made against.';
comment on column reporting.contested_incidents.blamed_party_names is 'Their names, alphabetically, separated by "; ".';
comment on column reporting.contested_incidents.denied_claims is 'Claims whose addressed party''s latest stance is denies.';
comment on column reporting.contested_incidents.counter_attributed_claims is 'Claims whose addressed party''s latest stance is counter_attributes (it blames someone else).';
comment on column reporting.contested_incidents.blames_differ is 'True when the claims blame more than one party.';
comment on column reporting.contested_incidents.blamed_party_denies is 'True when a blamed party denies or counter-attributes at least one claim.';
comment on column reporting.contested_incidents.first_claim_on is 'The date of the earliest claim about the incident.';
comment on column reporting.contested_incidents.last_claim_on is 'The date of the latest claim about the incident.';

-- ---------------------------------------------------------------------------------------------
-- Independent sources: copies of one story (an article republished from another outlet) count
-- once, credited to the outlet they were republished from. Two articles of one outlet count once.
create view reporting.claim_sources as
with counted as (
  select s.claim_id,
         count(distinct s.article_id) as source_articles,
         count(distinct s.article_id) filter (where s.republished_from_outlet_id is not null) as syndicated_copies,
         count(distinct s.outlet_id) as source_outlets,
         count(distinct s.origin_outlet_id) as independent_sources,
         string_agg(distinct s.origin_outlet_name, '; ' order by s.origin_outlet_name) as independent_source_names
    from reporting.claim_source_articles s
   group by s.claim_id
)
select c.claim_id,
       c.claim_ref,
       c.proposition,
       c.claim_stated_on,
       c.claimant_id,
       c.claimant_name,
       c.addressed_party_id,
       c.addressed_party_name,
       coalesce(n.source_articles, 0) as source_articles,
       coalesce(n.syndicated_copies, 0) as syndicated_copies,
       coalesce(n.source_outlets, 0) as source_outlets,
       coalesce(n.independent_sources, 0) as independent_sources,
       coalesce(n.independent_sources, 0) = 1 as single_source,
       n.independent_source_names
  from reporting.claims c
  left join counted n on n.claim_id = c.claim_id;

comment on view reporting.claim_sources is 'One row per claim: how many sources it rests on, counting syndicated copies of one story once.';
comment on column reporting.claim_sources.claim_id is 'The claim.';
comment on column reporting.claim_sources.claim_ref is 'The claim''s reference; null when none.';
comment on column reporting.claim_sources.proposition is 'What the claim alleges.';
comment on column reporting.claim_sources.claim_stated_on is 'When the claim was stated.';
comment on column reporting.claim_sources.claimant_id is 'The party that alleges.';
comment on column reporting.claim_sources.claimant_name is 'The claimant''s name.';
comment on column reporting.claim_sources.addressed_party_id is 'The party the claim is made against; null when none.';
comment on column reporting.claim_sources.addressed_party_name is 'The addressed party''s name.';
comment on column reporting.claim_sources.source_articles is 'Articles quoted as sources of the claim.';
comment on column reporting.claim_sources.syndicated_copies is 'How many of them are copies republished from another outlet.';
comment on column reporting.claim_sources.source_outlets is 'Distinct outlets that published those articles.';
comment on column reporting.claim_sources.independent_sources is 'Distinct outlets the stories come from: a copy counts for the outlet it was republished from.';
comment on column reporting.claim_sources.single_source is 'True when the claim rests on one independent source only.';
comment on column reporting.claim_sources.independent_source_names is 'The names of those outlets, alphabetically, separated by "; ".';

-- ---------------------------------------------------------------------------------------------
create view reporting.outlet_claims as
with published as (
  select s.outlet_id,
         count(distinct s.article_id) as cited_articles,
         count(distinct s.claim_id) as claims,
         count(distinct s.claim_id) filter (where s.republished_from_outlet_id is not null) as claims_in_copies
    from reporting.claim_source_articles s
   group by s.outlet_id
), originated as (
  select s.origin_outlet_id as outlet_id, count(distinct s.claim_id) as originated_claims
    from reporting.claim_source_articles s
   group by s.origin_outlet_id
), sole_origin as (
  select min(s.origin_outlet_id) as outlet_id, s.claim_id
    from reporting.claim_source_articles s
   group by s.claim_id
  having count(distinct s.origin_outlet_id) = 1
), sole as (
  select so.outlet_id, count(*) as sole_source_claims
    from sole_origin so
   group by so.outlet_id
), reported as (
  select a.outlet_id, count(*) as responses
    from response r
    join article a on a.id = r.article_id
   group by a.outlet_id
)
select o.id as outlet_id,
       o.name::text as outlet_name,
       o.kind::text as outlet_kind,
       o.country::text as country,
       coalesce(p.cited_articles, 0) as cited_articles,
       coalesce(p.claims, 0) as claims,
       coalesce(p.claims_in_copies, 0) as claims_in_copies,
       coalesce(g.originated_claims, 0) as originated_claims,
       coalesce(s.sole_source_claims, 0) as sole_source_claims,
       coalesce(r.responses, 0) as responses
  from outlet o
  left join published p on p.outlet_id = o.id
  left join originated g on g.outlet_id = o.id
  left join sole s on s.outlet_id = o.id
  left join reported r on r.outlet_id = o.id;

comment on view reporting.outlet_claims is 'One row per outlet: how many claims its articles carry, how many stories it originated, and how many claims rest on it alone.';
comment on column reporting.outlet_claims.outlet_id is 'The outlet.';
comment on column reporting.outlet_claims.outlet_name is 'Its name.';
comment on column reporting.outlet_claims.outlet_kind is 'news_site, wire_agency, state_media, blog or monitor_ngo.';
comment on column reporting.outlet_claims.country is 'Its country (ISO 3166 alpha-2); null when not recorded.';
comment on column reporting.outlet_claims.cited_articles is 'Its articles quoted as a source of at least one claim.';
comment on column reporting.outlet_claims.claims is 'Distinct claims quoted from its articles, copies included.';
comment on column reporting.outlet_claims.claims_in_copies is 'Distinct claims quoted from articles it republished from another outlet.';
comment on column reporting.outlet_claims.originated_claims is 'Distinct claims with a source story credited to it: its own articles, and other outlets'' copies republished from it.';
comment on column reporting.outlet_claims.sole_source_claims is 'Claims whose only independent source it is.';
comment on column reporting.outlet_claims.responses is 'Responses reported in its articles.';

-- ---------------------------------------------------------------------------------------------
-- Incidents as event data: one row per claim about an incident (a claim has one accused party at
-- most), in the columns event datasets use (date and precision, place, coordinates, actor 1 and
-- actor 2). Sources count original reports: syndicated copies count for the outlet they were
-- republished from, as in claim_sources. Commentary blames nobody and is left out.
create view reporting.events as
select i.id as event_id,
       i.ref::text as event_ref,
       i.title::text as event_title,
       i.occurred_on as event_date,
       i.occurred_until as event_date_until,
       i.date_precision::text as date_precision,
       i.place::text as place,
       i.latitude,
       i.longitude,
       c.claim_id,
       c.claim_ref,
       c.claim_kind,
       c.claim_stated_on,
       c.claimant_id as actor1_id,
       c.claimant_name as actor1_name,
       claimant.kind::text as actor1_kind,
       c.addressed_party_id as actor2_id,
       c.addressed_party_name as actor2_name,
       addressed.kind::text as actor2_kind,
       cp.position as actor2_position,
       cp.latest_stance as actor2_latest_stance,
       c.casualties_low,
       c.casualties_high,
       c.grading,
       n.independent_sources as sources,
       n.source_articles,
       n.syndicated_copies
  from reporting.claims c
  join incident i on i.id = c.incident_id
  join party claimant on claimant.id = c.claimant_id
  left join party addressed on addressed.id = c.addressed_party_id
  left join reporting.claim_positions cp on cp.claim_id = c.claim_id and cp.party_id = c.addressed_party_id
  join reporting.claim_sources n on n.claim_id = c.claim_id
 where c.claim_kind <> 'commentary';

comment on view reporting.events is 'One row per claim about an incident, as event data: the incident''s date, precision, place and coordinates, actor 1 the claimant, actor 2 the accused party with its position, casualties and original sources. Commentary is left out.';
comment on column reporting.events.event_id is 'The incident''s id, as in the API.';
comment on column reporting.events.event_ref is 'The incident''s reference; null when none.';
comment on column reporting.events.event_title is 'The incident''s title.';
comment on column reporting.events.event_date is 'When the incident happened: its day, or the first day of its month, year or range; null when unknown.';
comment on column reporting.events.event_date_until is 'The last day of a range (date_precision range); null otherwise.';
comment on column reporting.events.date_precision is 'How precise event_date is: day, month, year, range or unknown.';
comment on column reporting.events.place is 'Where the incident happened, as the analyst wrote it; null when not recorded.';
comment on column reporting.events.latitude is 'Latitude in decimal degrees (WGS 84); null when not recorded.';
comment on column reporting.events.longitude is 'Longitude in decimal degrees (WGS 84); null when not recorded.';
comment on column reporting.events.claim_id is 'The claim, as in the API.';
comment on column reporting.events.claim_ref is 'The claim''s reference; null when none.';
comment on column reporting.events.claim_kind is 'attack_attribution, casualties, cooperation, agreement_breach, capability, threat or other.';
comment on column reporting.events.claim_stated_on is 'When the claimant stated it.';
comment on column reporting.events.actor1_id is 'Actor 1: the party that makes the claim (the claimant).';
comment on column reporting.events.actor1_name is 'Actor 1''s name.';
comment on column reporting.events.actor1_kind is 'Actor 1''s kind: state, government_body, armed_force, armed_group, coalition, monitor_ngo, media_outlet or person.';
comment on column reporting.events.actor2_id is 'Actor 2: the party the claim accuses (the addressed party); null when it accuses nobody.';
comment on column reporting.events.actor2_name is 'Actor 2''s name.';
comment on column reporting.events.actor2_kind is 'Actor 2''s kind, as actor1_kind.';
comment on column reporting.events.actor2_position is 'Actor 2''s current position on the claim: denied, confirmed, partially_confirmed or unresolved; null when the claim accuses nobody.';
comment on column reporting.events.actor2_latest_stance is 'Actor 2''s latest stance on the claim; null when it has not responded.';
comment on column reporting.events.casualties_low is 'The lowest casualty figure the claim gives; null when it gives none.';
comment on column reporting.events.casualties_high is 'The highest casualty figure the claim gives; null when it gives none.';
comment on column reporting.events.grading is 'The analyst''s grading: unassessed, confirmed, fair, weak, contested or discounted.';
comment on column reporting.events.sources is 'Original reports the claim rests on: distinct outlets its source stories come from, a syndicated copy counting for the outlet it was republished from.';
comment on column reporting.events.source_articles is 'Articles quoted as sources of the claim, syndicated copies included.';
comment on column reporting.events.syndicated_copies is 'How many of those articles are copies republished from another outlet.';

-- ---------------------------------------------------------------------------------------------
-- The default privilege of V3 covers views created by the migration user; granting explicitly
-- also covers a migration run by another user.
grant select on all tables in schema reporting to claims_reporting;

-- ---------------------------------------------------------------------------------------------
-- Full-text search (V11__full_text_search.sql), as the API's GET /api/search reads it: the same
-- query language, readings and rank. It reads the base tables' search columns, so it runs with its
-- owner's rights (security definer, with a fixed search_path) and is executable by the reporting
-- role alone. Like the views, it gives no article text: an article is named by its title. It is
-- written in PL/pgSQL so that its body is resolved when it runs, not when it is created: this file
-- also runs on databases migrated only part of the way (before V11).
create function reporting.search(q text)
  returns table (
    kind text,
    record_id bigint,
    rank real,
    label text,
    record_date date,
    claim_id bigint,
    article_id bigint,
    quote_start integer,
    quote_end integer,
    party_id bigint,
    incident_id bigint)
  language plpgsql stable security definer
  set search_path = pg_catalog, public
as $$
#variable_conflict use_column
begin
  return query
  with query as materialized (select tracker_search_query(q) as tsq)
  select 'article'::text, a.id, ts_rank_cd(a.search_vector, x.tsq, 1), a.title::text, a.published_on,
         null::bigint, a.id, null::integer, null::integer, null::bigint, null::bigint
    from article a, query x where a.search_vector @@ x.tsq
  union all
  select 'claim', c.id, ts_rank_cd(c.search_vector, x.tsq, 1), c.proposition, c.stated_on,
         c.id, null, null, null, c.claimant_id, c.incident_id
    from claim c, query x where c.search_vector @@ x.tsq
  union all
  select 'quote', s.id, ts_rank_cd(s.search_vector, x.tsq, 1), s.quote, c.stated_on,
         c.id, s.article_id, s.quote_start, s.quote_end, c.claimant_id, c.incident_id
    from claim_source s join claim c on c.id = s.claim_id, query x where s.search_vector @@ x.tsq
  union all
  select 'response', r.id, ts_rank_cd(r.search_vector, x.tsq, 1), concat_ws(' — ', r.quote, r.note), r.stated_on,
         r.claim_id, r.article_id, r.quote_start, r.quote_end, r.party_id, c.incident_id
    from response r join claim c on c.id = r.claim_id, query x where r.search_vector @@ x.tsq
  union all
  select 'incident', i.id, ts_rank_cd(i.search_vector, x.tsq, 1), concat_ws(' — ', i.title, i.place), i.occurred_on,
         null, null, null, null, null, i.id
    from incident i, query x where i.search_vector @@ x.tsq
  union all
  select 'party', p.id, m.rank, p.name::text, null::date, null, null, null, null, p.id, null
    from (select f.id, max(f.rank) as rank
            from (select pp.id, ts_rank_cd(pp.search_vector, x.tsq, 1) as rank from party pp, query x
                   where pp.search_vector @@ x.tsq
                  union all
                  select al.party_id, ts_rank_cd(al.search_vector, x.tsq, 1) from party_alias al, query x
                   where al.search_vector @@ x.tsq) f
           group by f.id) m
    join party p on p.id = m.id
  order by 3 desc, 1, 2;
end
$$;

revoke all on function reporting.search(text) from public;
grant execute on function reporting.search(text) to claims_reporting;

comment on function reporting.search(text) is 'Full-text search, as GET /api/search: the records whose words match q (words, "phrases", or, -word; English stemming; accents and hyphens ignored), best first. Articles are named by their title; no article text is given.';

-- ---------------------------------------------------------------------------------------------
-- Positions up the hierarchy (V12__position_scopes.sql; issue 16): a party's positions rolled up
-- over a scope, as the API's GET /api/parties/{id}/claims?scope= answers them. The parties in
-- scope: self (the party alone), parts (also every party whose parent chain leads to it), members
-- (also the parties with a dated membership of it, counted for claims whose date, the incident's
-- else the date stated, falls within the membership, with their parts). The deciding response is
-- the latest among the parties in scope; contested when parties in scope disagree on that date.
-- Today's positions without commentary come from the kept tables (party_position,
-- party_scope_position), the others from public.tracker_scoped_positions; it reads base tables, so it runs with its owner's
-- rights (security definer, fixed search_path) and is executable by the reporting role alone;
-- written in PL/pgSQL so that this file also runs on databases migrated only part of the way.
create function reporting.party_claim_positions(party_id bigint, scope text default 'self', as_of date default null,
                                                include_commentary boolean default false)
  returns table (
    claim_id bigint,
    claim_ref text,
    proposition text,
    claim_kind text,
    claim_stated_on date,
    claimant_id bigint,
    claimant_name text,
    addressed_party_id bigint,
    addressed_party_name text,
    incident_id bigint,
    incident_title text,
    "position" text,
    deciding_response_id bigint,
    deciding_stance text,
    deciding_stated_on date,
    respondent_id bigint,
    respondent_name text)
  language plpgsql stable security definer
  set search_path = pg_catalog, public
as $$
#variable_conflict use_column
declare
  kept boolean;
  rolled boolean;
begin
  if scope is null or scope not in ('self', 'parts', 'members') then
    raise exception 'scope must be one of self, parts, members, got %', coalesce(scope, 'null')
      using errcode = '22023';
  end if;
  -- Today's positions without commentary are kept in tables (V5's party_position; V14's
  -- party_scope_position for a scope wider than the party, which the tests compare with
  -- tracker_scoped_positions after every kind of write); any other question is computed.
  kept := party_claim_positions.as_of is null and not coalesce(party_claim_positions.include_commentary, false);
  rolled := kept and party_claim_positions.scope <> 'self'
            and public.tracker_scope_is_rolled(party_claim_positions.party_id, party_claim_positions.scope::varchar);
  return query
  with x as (
    select pp.claim_id, pp.position, pp.latest_response_id as response_id,
           case when pp.latest_response_id is not null then pp.party_id end as respondent_id, pp.sort_on
      from public.party_position pp
     where kept and not rolled and pp.party_id = party_claim_positions.party_id
    union all
    select sp.claim_id, sp.position, sp.response_id, sp.respondent_id, sp.sort_on
      from public.party_scope_position sp
     where rolled and sp.root_id = party_claim_positions.party_id and sp.scope = party_claim_positions.scope
    union all
    select t.claim_id, t.position, t.response_id, t.respondent_id, t.sort_on
      from public.tracker_scoped_positions(party_claim_positions.party_id, party_claim_positions.scope::varchar,
                                           party_claim_positions.as_of, party_claim_positions.include_commentary) t
     where not kept
  )
  select c.id, c.ref::text, c.proposition::text, c.kind::text, c.stated_on,
         cl.id, cl.name::text, ad.id, ad.name::text, i.id, i.title::text,
         x.position::text, x.response_id, r.stance::text, r.stated_on,
         rp.id, rp.name::text
    from x
    join public.claim c on c.id = x.claim_id
    join public.party cl on cl.id = c.claimant_id
    left join public.party ad on ad.id = c.addressed_party_id
    left join public.incident i on i.id = c.incident_id
    left join public.response r on r.id = x.response_id
    left join public.party rp on rp.id = x.respondent_id
   order by x.sort_on desc, x.claim_id desc;
end
$$;

revoke all on function reporting.party_claim_positions(bigint, text, date, boolean) from public;
grant execute on function reporting.party_claim_positions(bigint, text, date, boolean) to claims_reporting;

comment on function reporting.party_claim_positions(bigint, text, date, boolean) is 'A party''s positions rolled up over a scope (self, parts, members) as of a date (null: today), as GET /api/parties/{id}/claims?scope= answers them: the deciding response and who in scope gave it; contested when parties in scope disagree on the latest date.';
