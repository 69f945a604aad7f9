-- One GET /api/parties/{party}/summary as PositionService runs it without asOf.
--   pgbench -n -M prepared -c 1 -T 60 -D party=1 -f bench/pgbench/positions-summary.sql --log pos_scratch
select c.position, c.n from party_position_count c where c.party_id = :party and c.n <> 0;
