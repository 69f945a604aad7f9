-- POST /api/responses as the tracker sends it (ResponseInsert, one statement; BEGIN goes with the
-- set_config of the acting account, in a pipeline as the driver sends them): 3 round trips. One of
-- the 100 scripts that bench/writes.sh captured from the server log on 2026-12-07 and ran, made to
-- run alone: its string values are set by one select per client, in its first transaction (the
-- generated scripts take them from pgbench -D). The claim, party and article ids are those of a
-- `bench/load.sh --scale small --db claimtracker_writes` load; the new row's id counts up per client
-- from -D base, above every id the sequence hands out:
--   pgbench -n -M prepared -c 4 -j 2 -T 20 -D n=0 -D base=$((10**12 + $(date +%s) % 10**6 * 10**7)) \
--     -f bench/pgbench/response-write.sql claimtracker_writes
-- Every transaction adds a response.
\set n :n + 1
\set id :base + :client_id * 100000 + :n
\if :n = 1
select '2023-08-02' as s_2023_08_02_2a5ba0, '' as s__d41d8c, 'analyst' as s_analyst_05d5c5, 'confirms' as s_confirms_ac81e7, 'obile phone networks in Aleppo were down' as s_obile_phone_networks_in_Aleppo_0c80ae \gset
\endif
\set i0 0
\set i1151 1151
\set i174301 174301
\set i398151 398151
\set i40 40
\set im1 -1
\startpipeline
BEGIN;
select set_config('tracker.actor', :s_analyst_05d5c5, false);
\endpipeline
with asked as materialized (
  select c.id as claim_id, c.proposition, p.id as party_id, p.name as party_name,
         sp.id as speaker_id, sp.name as speaker_name, cc.id as counter_id, cc.proposition as counter_proposition,
         a.id as article_id, a.title, a.published_on, a.url, o.id as outlet_id, o.name as outlet_name,
         case when :im1 >= 0 then :im1 else strpos(a.body, :s_obile_phone_networks_in_Aleppo_0c80ae) - 1 end as quote_start
    from claim c
    join party p on p.id = :i1151
    join article a on a.id = :i174301
    join outlet o on o.id = a.outlet_id
    left join party sp on sp.id = nullif(:i0, 0)
    left join claim cc on cc.id = nullif(:i0, 0)
   where c.id = :i398151
     and c.stated_on <= :s_2023_08_02_2a5ba0 and a.published_on >= :s_2023_08_02_2a5ba0
     and (:i0 = 0 or sp.id is not null)
     and (:i0 = 0 or cc.id is not null)
     and (:s__d41d8c = '' or not exists (select 1 from response r where r.ref = :s__d41d8c))
     and case when :im1 >= 0 then substr(a.body, :im1 + 1, :i40) = :s_obile_phone_networks_in_Aleppo_0c80ae
              else strpos(a.body, :s_obile_phone_networks_in_Aleppo_0c80ae) > 0
                   and strpos(substr(a.body, strpos(a.body, :s_obile_phone_networks_in_Aleppo_0c80ae) + 1), :s_obile_phone_networks_in_Aleppo_0c80ae) = 0 end
), stored as (
  insert into response (id, ref, claim_id, party_id, speaker_id, stance, stated_on, article_id, quote,
                        quote_start, quote_end, counter_claim_id, note, version, created_at, created_by,
                        updated_at, updated_by)
  select :id, nullif(:s__d41d8c, ''), claim_id, party_id, speaker_id, :s_confirms_ac81e7, :s_2023_08_02_2a5ba0, article_id, :s_obile_phone_networks_in_Aleppo_0c80ae,
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
