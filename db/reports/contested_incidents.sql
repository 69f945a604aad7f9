-- Question: which incidents are contested, whom do the claims blame, and do the blamed parties deny it?
select incident_title,
       occurred_on,
       date_precision,
       place,
       claims,
       blamed_party_names,
       denied_claims,
       counter_attributed_claims,
       blames_differ,
       blamed_party_denies
  from reporting.contested_incidents
 order by occurred_on nulls last, incident_title;
