-- Question: how quickly does each party answer the claims made against it (typical and slowest, in days)?
-- Commentary (an outlet's or author's reading) is not an accusation a party is expected to answer.
select party_name,
       count(*) as answered_claims,
       percentile_disc(0.5) within group (order by latency_days) as median_days,
       max(latency_days) as slowest_days,
       count(*) filter (where latency_days = 0) as answered_same_day
  from reporting.response_latency
 where party_role = 'addressed'
   and claim_kind <> 'commentary'
 group by party_name
 order by median_days, party_name;
