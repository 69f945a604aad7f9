-- POST /api/responses as the tracker sends it (ResponseInsert, one statement; BEGIN goes with the
-- set_config of the acting account, in a pipeline as the driver sends them): 3 round trips. One of
-- the 8 scripts that bench/writes.sh captured from the server log on 2026-12-07 and ran (the claim
-- drawn among claims addressed to the same party by the date stated), made to run alone: its string values are set by one select per client, in its first transaction (the
-- generated scripts take them from pgbench -D). The claim, party and article ids are those of a
-- `bench/load.sh --scale small --db claimtracker_writes` load; the new row's id counts up per client
-- from -D base, above every id the sequence hands out:
--   pgbench -n -M prepared -c 4 -j 2 -T 20 -D n=0 -D base=$((10**12 + $(date +%s) % 10**6 * 10**7)) \
--     -f bench/pgbench/response-write.sql claimtracker_writes
-- Every transaction adds a response.
\set n :n + 1
\set id :base + :client_id * 100000 + :n
\if :n = 1
select '2014-04-23' as "s_2014_04_23_c384a8", 'GHDAD - Iran was responsible for the cru' as "s_GHDAD_Iran_was_responsible_for_5d3f86", '' as "s__d41d8c", 'analyst' as "s_analyst_05d5c5", 'confirms' as "s_confirms_ac81e7" \gset
\endif
\set v random(1, 46)
\set claim case when :v = 1 then 483801 when :v = 2 then 880251 when :v = 3 then 993901 when :v = 4 then 435701 when :v = 5 then 938901 when :v = 6 then 169101 when :v = 7 then 604301 when :v = 8 then 454901 when :v = 9 then 1000655 when :v = 10 then 954001 when :v = 11 then 1000661 when :v = 12 then 704351 when :v = 13 then 628001 when :v = 14 then 948801 when :v = 15 then 529701 when :v = 16 then 520901 when :v = 17 then 771001 when :v = 18 then 295401 when :v = 19 then 630801 when :v = 20 then 811601 when :v = 21 then 869501 when :v = 22 then 210001 when :v = 23 then 190051 when :v = 24 then 792451 when :v = 25 then 521351 when :v = 26 then 70051 when :v = 27 then 723551 when :v = 28 then 488051 when :v = 29 then 594201 when :v = 30 then 897801 when :v = 31 then 898001 when :v = 32 then 217401 when :v = 33 then 215951 when :v = 34 then 601901 when :v = 35 then 92601 when :v = 36 then 410101 when :v = 37 then 638151 when :v = 38 then 241801 when :v = 39 then 319151 when :v = 40 then 863801 when :v = 41 then 81751 when :v = 42 then 675051 when :v = 43 then 45051 when :v = 44 then 836551 when :v = 45 then 569601 when :v = 46 then 367751 else 483801 end
\set i0 0
\set i114051 114051
\set i40 40
\set i801 801
\set im1 -1
\startpipeline
BEGIN;
select set_config('tracker.actor', :s_analyst_05d5c5, false);
\endpipeline
with asked as materialized (
  select c.id as claim_id, c.proposition, p.id as party_id, p.name as party_name,
         sp.id as speaker_id, sp.name as speaker_name, cc.id as counter_id, cc.proposition as counter_proposition,
         a.id as article_id, a.title, a.published_on, a.url, o.id as outlet_id, o.name as outlet_name,
         case when :im1 >= 0 then :im1 else strpos(a.body, :s_GHDAD_Iran_was_responsible_for_5d3f86) - 1 end as quote_start
    from claim c
    join party p on p.id = :i801
    join article a on a.id = :i114051
    join outlet o on o.id = a.outlet_id
    left join party sp on sp.id = nullif(:i0, 0)
    left join claim cc on cc.id = nullif(:i0, 0)
   where c.id = :claim
     and c.stated_on <= :s_2014_04_23_c384a8 and a.published_on >= :s_2014_04_23_c384a8
     and (:i0 = 0 or sp.id is not null)
     and (:i0 = 0 or cc.id is not null)
     and (:s__d41d8c = '' or not exists (select 1 from response r where r.ref = :s__d41d8c))
     and case when :im1 >= 0 then substr(a.body, :im1 + 1, :i40) = :s_GHDAD_Iran_was_responsible_for_5d3f86
              else strpos(a.body, :s_GHDAD_Iran_was_responsible_for_5d3f86) > 0
                   and strpos(substr(a.body, strpos(a.body, :s_GHDAD_Iran_was_responsible_for_5d3f86) + 1), :s_GHDAD_Iran_was_responsible_for_5d3f86) = 0 end
), stored as (
  insert into response (id, ref, claim_id, party_id, speaker_id, stance, stated_on, article_id, quote,
                        quote_start, quote_end, counter_claim_id, note, version, created_at, created_by,
                        updated_at, updated_by)
  select :id, nullif(:s__d41d8c, ''), claim_id, party_id, speaker_id, :s_confirms_ac81e7, :s_2014_04_23_c384a8, article_id, :s_GHDAD_Iran_was_responsible_for_5d3f86,
         quote_start, quote_start + :i40, counter_id, nullif(:s__d41d8c, ''), 0, now(), :s_analyst_05d5c5, now(), :s_analyst_05d5c5
    from asked
  returning id, version, created_at, updated_at, quote_start, quote_end
)
select s.id, s.version, s.created_at, s.updated_at, s.quote_start, s.quote_end,
       a.claim_id, a.proposition, a.party_id, a.party_name, a.speaker_id, a.speaker_name,
       a.counter_id, a.counter_proposition, a.article_id, a.title, a.published_on, a.url,
       a.outlet_id, a.outlet_name
  from stored s cross join asked a;
COMMIT;
