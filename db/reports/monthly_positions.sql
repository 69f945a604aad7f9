-- Question: month by month (by the month a claim was stated), how many claims does each party now deny, confirm or leave unresolved?
select claim_month,
       party_name,
       denied,
       confirmed,
       partially_confirmed,
       unresolved,
       withdrawn,
       total
  from reporting.position_summary_by_month
 order by claim_month, party_name;
