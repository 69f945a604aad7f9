-- Question: which accusations have waited longest for an answer from the party they accuse?
-- Claims the claimant has since withdrawn are left out.
select addressed_party_name,
       claim_id,
       claim_stated_on,
       age_days,
       coalesce(latest_stance, '(no answer)') as latest_stance,
       claimant_name,
       proposition
  from reporting.unresolved_claims
 where not claim_withdrawn
 order by age_days desc, claim_id
 limit 20;
