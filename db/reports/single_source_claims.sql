-- Question: which claims rest on a single independent source (one outlet, or several outlets republishing one story)?
-- Commentary rests on its own outlet by nature, so it is left out.
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
   and claim_id not in (select claim_id from reporting.claims where claim_kind = 'commentary')
 order by claim_stated_on, claim_id;
