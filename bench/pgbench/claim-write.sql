-- POST /api/claims as the tracker sends it (the entity path: set_config of the acting account with
-- BEGIN, the claimant and addressed party, the article and its text, the claim and its source, then
-- the claim's view read back: 13 round trips). One of the 8 scripts that bench/writes.sh captured
-- from the server log on 2026-12-07 and ran, made to run alone: its string values are set by one
-- select per client, in its first transaction (the generated scripts take them from pgbench -D). The
-- party and article ids are those of a `bench/load.sh --scale small --db claimtracker_writes` load;
-- the new claim's and source's id counts up per client from -D base, above the sequences' ids:
--   pgbench -n -M prepared -c 4 -j 2 -T 20 -D n=0 -D base=$((10**12 + $(date +%s) % 10**6 * 10**7)) \
--     -f bench/pgbench/claim-write.sql claimtracker_writes
-- Every transaction adds a claim and a claim source.
\set n :n + 1
\set id :base + :client_id * 100000 + :n
\if :n = 1
select '2015-06-08' as "s_2015_06_08_2dda39", '2026-12-07 04:22:50.684502+00' as "s_2026_12_07_04_22_50_684502_00_fdea6a", '2026-12-07 04:22:50.684886+00' as "s_2026_12_07_04_22_50_684886_00_7513c5", '9999-12-31' as "s_9999_12_31_39f176", 'Writes benchmark claim 1: the addressed party carried out the act the source reports.' as "s_Writes_benchmark_claim_1_the_a_7bb6e9", '{21951,201}' as "s__21951_201__d8c149", 'analyst' as "s_analyst_05d5c5", 'casualties' as "s_casualties_2a8a43", 'he Syrian Observatory for Human Rights a' as "s_he_Syrian_Observatory_for_Huma_a799d0", 'unassessed' as "s_unassessed_77c511" \gset
\endif
\set i0 0
\set i1 1
\set i21951 21951
\set i23251 23251
\set i41 41
\set i58351 58351
\startpipeline
BEGIN;
select set_config('tracker.actor', :s_analyst_05d5c5, false);
\endpipeline
select p1_0.id,p1_0.created_at,p1_0.created_by,p1_0.description,p1_0.kind,p1_0.name,p1_0.parent_id,p1_0.updated_at,p1_0.updated_by,p1_0.version from Party p1_0 where p1_0.id=:i23251;
select p1_0.id,p1_0.created_at,p1_0.created_by,p1_0.description,p1_0.kind,p1_0.name,p1_0.parent_id,p1_0.updated_at,p1_0.updated_by,p1_0.version from Party p1_0 where p1_0.id = any (:s__21951_201__d8c149);
select a1_0.id,a1_0.authors,a1_0.content_hash,a1_0.created_at,a1_0.created_by,a1_0.language,a1_0.notes,a1_0.outlet_id,a1_0.published_on,a1_0.republished_from_outlet_id,a1_0.title,a1_0.updated_at,a1_0.updated_by,a1_0.url,a1_0.version from Article a1_0 where a1_0.id=:i58351;
select a1_0.body,a1_0.search_vector from Article a1_0 where a1_0.id=:i58351;
insert into Claim (addressed_party_id,casualties_high,casualties_low,claimant_id,created_at,created_by,grading,grading_note,incident_id,kind,proposition,ref,speaker_id,stated_on,updated_at,updated_by,version,id) values (:i21951,NULL,NULL,:i23251,:s_2026_12_07_04_22_50_684502_00_fdea6a,:s_analyst_05d5c5,:s_unassessed_77c511,NULL,NULL,:s_casualties_2a8a43,:s_Writes_benchmark_claim_1_the_a_7bb6e9,NULL,NULL,:s_2015_06_08_2dda39,:s_2026_12_07_04_22_50_684502_00_fdea6a,:s_analyst_05d5c5,:i0,:id);
insert into claim_source (claim_id,created_at,created_by,article_id,quote,quote_end,quote_start,id) values (:id,:s_2026_12_07_04_22_50_684886_00_7513c5,:s_analyst_05d5c5,:i58351,:s_he_Syrian_Observatory_for_Huma_a799d0,:i41,:i1,:id);
select c1_0.id,ap1_0.id,ap1_0.created_at,ap1_0.created_by,ap1_0.description,ap1_0.kind,ap1_0.name,ap1_0.parent_id,ap1_0.updated_at,ap1_0.updated_by,ap1_0.version,c1_0.casualties_high,c1_0.casualties_low,c1_0.claimant_id,c2_0.id,c2_0.created_at,c2_0.created_by,c2_0.description,c2_0.kind,c2_0.name,c2_0.parent_id,c2_0.updated_at,c2_0.updated_by,c2_0.version,c1_0.created_at,c1_0.created_by,c1_0.grading,c1_0.grading_note,i1_0.id,i1_0.created_at,i1_0.created_by,i1_0.description,i1_0.latitude,i1_0.longitude,i1_0.occurred_on,i1_0.occurred_until,i1_0.place,i1_0.date_precision,i1_0.ref,i1_0.title,i1_0.updated_at,i1_0.updated_by,i1_0.version,c1_0.kind,c1_0.proposition,c1_0.ref,s1_0.id,s1_0.created_at,s1_0.created_by,s1_0.description,s1_0.kind,s1_0.name,s1_0.parent_id,s1_0.updated_at,s1_0.updated_by,s1_0.version,c1_0.stated_on,c1_0.updated_at,c1_0.updated_by,c1_0.version from Claim c1_0 join Party c2_0 on c2_0.id=c1_0.claimant_id left join Party s1_0 on s1_0.id=c1_0.speaker_id left join Party ap1_0 on ap1_0.id=c1_0.addressed_party_id left join Incident i1_0 on i1_0.id=c1_0.incident_id where c1_0.id=:id;
select cs1_0.id,cs1_0.claim_id,cs1_0.created_at,cs1_0.created_by,cs1_0.article_id,a1_0.id,a1_0.authors,a1_0.content_hash,a1_0.created_at,a1_0.created_by,a1_0.language,a1_0.notes,a1_0.outlet_id,o1_0.id,o1_0.country,o1_0.created_at,o1_0.created_by,o1_0.domain,o1_0.kind,o1_0.name,o1_0.notes,o1_0.updated_at,o1_0.updated_by,o1_0.version,a1_0.published_on,a1_0.republished_from_outlet_id,a1_0.title,a1_0.updated_at,a1_0.updated_by,a1_0.url,a1_0.version,cs1_0.quote,cs1_0.quote_end,cs1_0.quote_start from claim_source cs1_0 join Article a1_0 on a1_0.id=cs1_0.article_id join Outlet o1_0 on o1_0.id=a1_0.outlet_id where cs1_0.claim_id=:id order by cs1_0.id;
select cr1_0.id,cr1_0.claim_id,c1_0.id,c1_0.addressed_party_id,c1_0.casualties_high,c1_0.casualties_low,c1_0.claimant_id,c1_0.created_at,c1_0.created_by,c1_0.grading,c1_0.grading_note,c1_0.incident_id,c1_0.kind,c1_0.proposition,c1_0.ref,c1_0.speaker_id,c1_0.stated_on,c1_0.updated_at,c1_0.updated_by,c1_0.version,cr1_0.counter_claim_id,cr1_0.created_at,cr1_0.created_by,cr1_0.note,cr1_0.party_id,p1_0.id,p1_0.created_at,p1_0.created_by,p1_0.description,p1_0.kind,p1_0.name,p1_0.parent_id,p1_0.updated_at,p1_0.updated_by,p1_0.version,cr1_0.article_id,cr1_0.quote,cr1_0.quote_end,cr1_0.quote_start,cr1_0.ref,cr1_0.speaker_id,cr1_0.stance,cr1_0.stated_on,cr1_0.updated_at,cr1_0.updated_by,cr1_0.version from response cr1_0 join Claim c1_0 on c1_0.id=cr1_0.claim_id join Party p1_0 on p1_0.id=cr1_0.party_id where cr1_0.counter_claim_id=:id order by cr1_0.stated_on,cr1_0.id;
select cr1_0.id,cr1_0.claim_id,c1_0.id,c1_0.addressed_party_id,c1_0.casualties_high,c1_0.casualties_low,c1_0.claimant_id,c1_0.created_at,c1_0.created_by,c1_0.grading,c1_0.grading_note,c1_0.incident_id,c1_0.kind,c1_0.proposition,c1_0.ref,c1_0.speaker_id,c1_0.stated_on,c1_0.updated_at,c1_0.updated_by,c1_0.version,cc1_0.id,cc1_0.addressed_party_id,cc1_0.casualties_high,cc1_0.casualties_low,cc1_0.claimant_id,cc1_0.created_at,cc1_0.created_by,cc1_0.grading,cc1_0.grading_note,cc1_0.incident_id,cc1_0.kind,cc1_0.proposition,cc1_0.ref,cc1_0.speaker_id,cc1_0.stated_on,cc1_0.updated_at,cc1_0.updated_by,cc1_0.version,cr1_0.created_at,cr1_0.created_by,cr1_0.note,cr1_0.party_id,p1_0.id,p1_0.created_at,p1_0.created_by,p1_0.description,p1_0.kind,p1_0.name,p1_0.parent_id,p1_0.updated_at,p1_0.updated_by,p1_0.version,cr1_0.article_id,a1_0.id,a1_0.authors,a1_0.content_hash,a1_0.created_at,a1_0.created_by,a1_0.language,a1_0.notes,a1_0.outlet_id,o1_0.id,o1_0.country,o1_0.created_at,o1_0.created_by,o1_0.domain,o1_0.kind,o1_0.name,o1_0.notes,o1_0.updated_at,o1_0.updated_by,o1_0.version,a1_0.published_on,a1_0.republished_from_outlet_id,a1_0.title,a1_0.updated_at,a1_0.updated_by,a1_0.url,a1_0.version,cr1_0.quote,cr1_0.quote_end,cr1_0.quote_start,cr1_0.ref,s1_0.id,s1_0.created_at,s1_0.created_by,s1_0.description,s1_0.kind,s1_0.name,s1_0.parent_id,s1_0.updated_at,s1_0.updated_by,s1_0.version,cr1_0.stance,cr1_0.stated_on,cr1_0.updated_at,cr1_0.updated_by,cr1_0.version from response cr1_0 join Claim c1_0 on c1_0.id=cr1_0.claim_id join Party p1_0 on p1_0.id=cr1_0.party_id left join Party s1_0 on s1_0.id=cr1_0.speaker_id join Article a1_0 on a1_0.id=cr1_0.article_id join Outlet o1_0 on o1_0.id=a1_0.outlet_id left join Claim cc1_0 on cc1_0.id=cr1_0.counter_claim_id where c1_0.id=:id and cr1_0.stated_on<=:s_9999_12_31_39f176 order by cr1_0.stated_on,cr1_0.id;
with latest as (
  select distinct on (r.party_id) r.party_id, r.id, r.stance, r.stated_on
    from response r
   where r.claim_id = :id and r.stated_on <= :s_9999_12_31_39f176
   order by r.party_id, r.stated_on desc, r.id desc
), involved as (
  select c.claimant_id as party_id from claim c where c.id = :id
  union select c.addressed_party_id from claim c where c.id = :id and c.addressed_party_id is not null
  union select l.party_id from latest l
)
select p.id, p.name,
       case when p.id = c.claimant_id then 'claimant'
            when p.id = c.addressed_party_id then 'addressed'
            else 'respondent' end,
       tracker_position(l.stance, p.id = c.claimant_id, p.id is not distinct from c.addressed_party_id),
       l.stance, l.stated_on, l.id
  from involved k
  join party p on p.id = k.party_id
  join claim c on c.id = :id
  left join latest l on l.party_id = p.id
 order by case when p.id = c.claimant_id then 0 when p.id = c.addressed_party_id then 1 else 2 end,
          lower(p.name);
COMMIT;
