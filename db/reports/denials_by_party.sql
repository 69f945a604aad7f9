-- Question: which claims has each party denied, and when did it say so?
-- A denial is a latest stance of denies or counter_attributes (blaming someone else). For one
-- party only, add for example: and party_name = 'Syria'
select party_name,
       claim_id,
       claim_stated_on,
       claimant_name,
       proposition,
       latest_stance,
       latest_stance_on,
       stance_outlet_name as reported_by
  from reporting.claim_positions
 where position = 'denied'
 order by party_name, latest_stance_on, claim_id;
