-- One response recorded (and rolled back, so the dataset does not grow): a random claim of the
-- synthetic dataset (ids up to 50,000,000: the sequences step by 50) answered by its addressed party, or by its claimant when it accuses nobody.
-- Compare with the positions trigger on and off (alter table response disable trigger
-- response_positions_insert) for the cost of the maintenance on a single write.
--   pgbench -n -M prepared -c 1 -T 30 -f bench/pgbench/response-insert.sql --log pos_scratch
\set claim random(1, 50000000)
begin;
insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                      created_by, updated_by)
select c.id, coalesce(c.addressed_party_id, c.claimant_id), 'denies', c.stated_on + 1, a.id, 'The party said so.',
       strpos(a.body, 'The party said so.') - 1, strpos(a.body, 'The party said so.') - 1 + 18, 'bench', 'bench'
  from claim c, (select id, body from article where body like '%The party said so.' order by id limit 1) a
 where c.id = (select min(id) from claim where id >= :claim);
rollback;
