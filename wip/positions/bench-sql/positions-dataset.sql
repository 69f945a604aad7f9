-- A synthetic dataset for measuring the positions queries at scale, in a scratch database that
-- Flyway has migrated (start the tracker once against it with TRACKER_SEED_LOAD=never, then stop
-- it). Never run this against a tracker's real database: it adds a million claims.
--
--   createdb pos_scratch
--   TRACKER_DB_URL=jdbc:postgresql://localhost:5432/pos_scratch TRACKER_SEED_LOAD=never ./tracker run   # then stop it
--   psql -d pos_scratch -f bench/sql/positions-dataset.sql
--
-- Shape (deterministic: setseed):
--   5,000 parties; 1,000,000 claims; 2,000,000 responses.
--   Skew: party #1 ("Heavy 1") is addressed by 100,000 claims, #2 by 50,000, #3 by 30,000; one
--   claim in ten accuses nobody; the rest are spread over the other parties.
--   Responses: about 55% by the addressed party, 10% by the claimant, the rest by other parties
--   (a third of those by party #4, a busy monitor). Dates from the claim's date up to 90 days
--   later, so several responses of one party to one claim often share a date (ties go by id).
--
-- Triggers are switched off for the load (session_replication_role = replica: no audit rows, no
-- per-row quote or foreign key checks); the data is valid by construction. Whatever maintains
-- derived tables must therefore be rebuilt or backfilled after this script (the V5 migration
-- backfills party_position when it runs after this load; bench/sql/positions-rebuild.sql rebuilds
-- it otherwise).

\set ON_ERROR_STOP on
\timing on
set session_replication_role = replica;
select setseed(0.42);

insert into outlet (name, kind, created_by, updated_by)
values ('Synthetic wire', 'wire_agency', 'bench', 'bench');

insert into article (outlet_id, title, published_on, body, content_hash, created_by, updated_by)
select o.id, 'Synthetic article ' || g, date '2015-01-01' + g,
       'Synthetic article ' || g || '. The party said so.',
       encode(sha256(convert_to('Synthetic article ' || g || '. The party said so.', 'UTF8')), 'hex'),
       'bench', 'bench'
  from generate_series(1, 100) g, outlet o
 where o.name = 'Synthetic wire';

insert into party (name, kind, created_by, updated_by)
select case when g <= 3 then 'Heavy ' || g when g = 4 then 'Busy monitor' else 'Synthetic party ' || g end,
       case when g = 4 then 'monitor_ngo' else 'state' end, 'bench', 'bench'
  from generate_series(1, 5000) g;

insert into incident (title, occurred_on, date_precision, created_by, updated_by)
select 'Synthetic incident ' || g, date '2015-01-01' + (g % 3650), 'day', 'bench', 'bench'
  from generate_series(1, 10000) g;

-- Party number n (1..5000) to id, in the order they were made.
create temporary table bench_party as
select row_number() over (order by id)::int as n, id from party where created_by = 'bench';
create unique index on bench_party (n);
create temporary table bench_incident as
select row_number() over (order by id)::int as n, id from incident where created_by = 'bench';
create unique index on bench_incident (n);

create temporary table bench_claim_pick as
select g,
       case when g % 10 = 0 then null
            when g % 10 <= 3 and g <= 333330 then 1      -- ~100,000 claims against party 1
            when g % 10 <= 3 and g <= 500000 then 2      -- ~50,000 against party 2
            when g % 10 <= 3 and g <= 600000 then 3      -- ~30,000 against party 3
            else 5 + floor(random() * 4996)::int end as addressed_n,
       1 + floor(random() * 5000)::int as claimant_n,
       floor(random() * 3650)::int as day,
       1 + floor(random() * 10000)::int as incident_n,
       random() as r
  from generate_series(1, 1000000) g;

insert into claim (claimant_id, addressed_party_id, proposition, kind, stated_on, incident_id, created_by, updated_by)
select cl.id, ad.id, 'Synthetic claim ' || k.g,
       (array['attack_attribution', 'casualties', 'cooperation', 'agreement_breach', 'capability', 'threat', 'other'])
         [1 + (k.g % 7)],
       date '2015-01-01' + k.day,
       case when k.r < 0.7 then i.id end,
       'bench', 'bench'
  from bench_claim_pick k
  join bench_party cl on cl.n = k.claimant_n
  left join bench_party ad on ad.n = k.addressed_n
  join bench_incident i on i.n = k.incident_n
 order by k.g;

create temporary table bench_claim as
select row_number() over (order by id)::int as n, id, claimant_id, addressed_party_id, stated_on
  from claim where created_by = 'bench';
create unique index on bench_claim (n);

create temporary table bench_article as
select row_number() over (order by id)::int as n, id, body from article where created_by = 'bench';
create unique index on bench_article (n);

create temporary table bench_response_pick as
select g, 1 + floor(random() * 1000000)::int as claim_n, random() as who, 1 + floor(random() * 5000)::int as other_n,
       floor(random() * 91)::int as later, random() as stance_r, 1 + floor(random() * 100)::int as article_n
  from generate_series(1, 2000000) g;

insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                      created_by, updated_by)
select c.id,
       case when p.who < 0.55 and c.addressed_party_id is not null then c.addressed_party_id
            when p.who < 0.65 then c.claimant_id
            when p.who < 0.80 then (select id from bench_party where n = 4)
            else o.id end,
       case when p.who >= 0.55 and p.who < 0.65 then
              (array['asserts', 'asserts', 'asserts', 'retracts'])[1 + floor(p.stance_r * 4)::int]
            else (array['confirms', 'partially_confirms', 'acknowledges', 'assessing', 'denies', 'denies',
                        'counter_attributes', 'declines_comment', 'assessing', 'denies'])[1 + floor(p.stance_r * 10)::int]
       end,
       least(c.stated_on + p.later, date '2025-06-30'),
       a.id, 'The party said so.', strpos(a.body, 'The party said so.') - 1, strpos(a.body, 'The party said so.') - 1 + 18,
       'bench', 'bench'
  from bench_response_pick p
  join bench_claim c on c.n = p.claim_n
  join bench_party o on o.n = p.other_n
  join bench_article a on a.n = p.article_n
 order by p.g;

reset session_replication_role;
vacuum analyze;

select (select count(*) from party) as parties, (select count(*) from claim) as claims,
       (select count(*) from response) as responses,
       (select count(*) from claim c join party p on p.id = c.addressed_party_id where p.name = 'Heavy 1') as heavy_addressed,
       (select count(*) from response r join party p on p.id = r.party_id where p.name = 'Heavy 1') as heavy_responses;
