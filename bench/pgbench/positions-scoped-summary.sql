-- One GET /api/parties/{party}/summary?scope= as the tracker sends it from V14 (captured with
-- bench/pgcapture.pl): the party, whether its scope is rolled, its counts.
--   pgbench -n -M prepared -c 2 -j 2 -T 10 -D party=250001 -D scope=members -f bench/pgbench/positions-scoped-summary.sql pos_scratch
select p1_0.id,p1_0.created_at,p1_0.created_by,p1_0.description,p1_0.kind,p1_0.name,p1_0.parent_id,p1_0.updated_at,p1_0.updated_by,p1_0.version from Party p1_0 where p1_0.id=:party;
select tracker_scope_is_rolled(:party, cast(:scope as varchar));
select c.position, c.n from party_scope_position_count c where c.root_id = :party and c.scope = :scope and c.n <> 0;
