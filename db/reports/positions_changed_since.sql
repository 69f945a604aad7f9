-- Question: whose positions changed between a past date and today, and from what to what?
-- The past date is in the first line of the query; change it to compare with another day.
with then_positions as (
  select claim_id, party_id, position
    from reporting.positions_as_of(date '2017-06-01')
)
select now_positions.party_name,
       now_positions.claim_id,
       coalesce(then_positions.position, '(none yet)') as position_then,
       now_positions.position as position_now,
       coalesce(now_positions.latest_stance_on, now_positions.claim_stated_on) as changed_on,
       now_positions.proposition
  from reporting.claim_positions now_positions
  left join then_positions using (claim_id, party_id)
 where then_positions.position is distinct from now_positions.position
 order by now_positions.party_name, now_positions.claim_id;
