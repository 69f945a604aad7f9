-- Question: which outlets carry the most claims, how many of those did they only republish, and how many claims rest on them alone?
select outlet_name,
       outlet_kind,
       country,
       claims,
       claims_in_copies,
       originated_claims,
       sole_source_claims,
       responses
  from reporting.outlet_claims
 where claims > 0 or responses > 0
 order by claims desc, outlet_name;
