-- Question: which claims rest on a single independent source (one outlet, or several outlets republishing one story)?
select claim_id,
       claim_stated_on,
       claimant_name,
       addressed_party_name,
       independent_source_names as only_source,
       source_articles,
       syndicated_copies,
       proposition
  from reporting.claim_sources
 where single_source
 order by claim_stated_on, claim_id;
