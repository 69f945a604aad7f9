-- Question: on how many claims does each party hold each position (denied, confirmed, partially confirmed, unresolved, withdrawn)?
select party_name,
       denied,
       confirmed,
       partially_confirmed,
       unresolved,
       withdrawn,
       total
  from reporting.position_summary
 order by total desc, party_name;
