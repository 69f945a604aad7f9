-- The design party_position_count replaced: a page's total and the summary counted from the
-- index of party_position (index-only scans), for comparison.
--   pgbench -n -M prepared -c 1 -T 60 -D party=1 -f bench/pgbench/positions-index-count.sql --log pos_scratch
\set s random(0, 5)
\if :s = 0
select count(*) from party_position pp where pp.party_id = :party;
\else
select count(*) from party_position pp
 where pp.party_id = :party
   and pp.position = (array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn'])[:s];
\endif
