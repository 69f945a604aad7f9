-- One response recorded (and rolled back) by a part deep in the coalition of
-- bench/sql/positions-coalition.sql: "Heavy 1 ministry" answers one of the 5,000 latest claims
-- addressed to it. Its scopes reach seven rolled (root, scope) pairs (the ministry's own, its
-- government's and Heavy 1's parts and members, the coalition's members), each of which V14
-- recomputes for the claim. Compare before and after V14 for the cost of the maintenance.
--   pgbench -n -M prepared -c 1 -T 30 -f bench/pgbench/response-insert-scoped.sql --log pos_scratch
\set k random(0, 4999)
begin;
insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                      created_by, updated_by)
select c.id, c.addressed_party_id, 'denies', c.stated_on + 1, a.id, 'The party said so.',
       strpos(a.body, 'The party said so.') - 1, strpos(a.body, 'The party said so.') - 1 + 18, 'bench', 'bench'
  from (select c.id, c.addressed_party_id, c.stated_on from claim c
         where c.addressed_party_id = (select id from party where name = 'Heavy 1 ministry')
         order by c.stated_on desc offset :k limit 1) c,
       (select id, body from article where body like '%The party said so.' order by id limit 1) a;
rollback;
