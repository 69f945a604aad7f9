-- One GET /api/parties/{party}/summary as PositionService runs it without asOf.
--   pgbench -n -M prepared -c 1 -T 60 -D party=1 -f bench/pgbench/positions-summary.sql --log pos_scratch
select pp.position, count(*) from party_position pp where pp.party_id = :party group by pp.position;
