-- Question: for one incident, who claimed and answered what, in date order, and which outlet reported it?
-- The incident is chosen by a part of its title in the first lines; change it to pick another.
with chosen as (
  select distinct incident_id
    from reporting.claims
   where incident_title ilike '%Tabqa%'
)
select c.claim_stated_on as stated_on,
       'claim' as entry,
       c.claimant_name as party,
       c.addressed_party_name as against,
       null as stance,
       c.proposition as what,
       c.source_outlet_name as reported_by
  from reporting.claims c
  join chosen using (incident_id)
union all
select r.stated_on,
       'response',
       r.party_name,
       null,
       r.stance,
       r.quote,
       r.outlet_name
  from reporting.responses r
  join reporting.claims c on c.claim_id = r.claim_id
  join chosen using (incident_id)
 order by stated_on, entry, party;
