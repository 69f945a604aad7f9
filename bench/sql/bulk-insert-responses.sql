-- What maintaining party_position costs a bulk import: one INSERT ... SELECT of 1,000,000
-- responses (random claims of the synthetic dataset, the addressed party, the claimant or any
-- party, every stance, dates from the claim's to 90 days later), with every trigger of the schema
-- (audit, quote check, foreign keys, and the positions triggers), timed, then rolled back.
-- With -v maintain=off the positions trigger of response inserts is switched off inside the
-- transaction (and the switch is rolled back too): the difference is the maintenance.
--
--   psql -d pos_scratch -v maintain=on  -f bench/sql/bulk-insert-responses.sql
--   psql -d pos_scratch -v maintain=off -f bench/sql/bulk-insert-responses.sql
--
-- Run vacuum (analyze) between runs: each rolled-back run leaves a million dead rows behind.
\set ON_ERROR_STOP on
\if :{?maintain}
\else
\set maintain on
\endif
\if :{?rows}
\else
\set rows 1000000
\endif

select setseed(0.17);
create temporary table bulk_claim as
select row_number() over (order by id)::int as n, id, claimant_id, addressed_party_id, stated_on from claim;
create temporary table bulk_party as select row_number() over (order by id)::int as n, id from party;
create temporary table bulk_article as
select row_number() over (order by id)::int as n, id, strpos(body, 'The party said so.') - 1 as quote_start
  from article where body like '%The party said so.';
create temporary table bulk_pick as
select g, 1 + floor(random() * (select count(*) from bulk_claim))::int as claim_n, random() as who,
       1 + floor(random() * (select count(*) from bulk_party))::int as other_n, floor(random() * 91)::int as later,
       1 + floor(random() * 9)::int as stance_n, 1 + floor(random() * (select count(*) from bulk_article))::int as article_n
  from generate_series(1, :rows) g;
create index on bulk_claim (n);
create index on bulk_party (n);
create index on bulk_article (n);
analyze bulk_claim, bulk_party, bulk_article, bulk_pick;

begin;
\if :maintain
\echo with party_position maintenance
\else
\echo without party_position maintenance
alter table response disable trigger response_positions_insert;
\endif
\timing on
insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                      created_by, updated_by)
select c.id,
       case when p.who < 0.55 and c.addressed_party_id is not null then c.addressed_party_id
            when p.who < 0.65 then c.claimant_id
            else o.id end,
       (array['asserts', 'confirms', 'partially_confirms', 'acknowledges', 'assessing', 'denies',
              'counter_attributes', 'declines_comment', 'retracts'])[p.stance_n],
       c.stated_on + p.later, a.id, 'The party said so.', a.quote_start, a.quote_start + 18,
       'bulk-bench', 'bulk-bench'
  from bulk_pick p
  join bulk_claim c on c.n = p.claim_n
  join bulk_party o on o.n = p.other_n
  join bulk_article a on a.n = p.article_n;
\timing off
select count(*) as party_position_rows from party_position;
rollback;
