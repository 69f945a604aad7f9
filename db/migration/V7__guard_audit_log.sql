-- The audit trail is written once and never changed: no row of audit_log is updated or deleted,
-- and the table is never truncated, whoever asks.
--
-- The protection that holds against the tracker itself is ownership and privileges: the set-up
-- (./tracker setup, see org.claimtracker.setup.DatabaseSetup) gives audit_log and this function to
-- a NOLOGIN guard role and leaves the tracker's role only SELECT and INSERT. These triggers add a
-- refusal for everyone else, an administrator included, so that a mistaken statement run by hand
-- fails instead of rewriting history. A superuser can still switch them off (ALTER TABLE ... DISABLE
-- TRIGGER, or session_replication_role = replica): PostgreSQL keeps nothing from a superuser.

create function tracker_audit_log_unchanged() returns trigger
  language plpgsql as $$
begin
  raise exception 'the audit trail is append-only: % on audit_log is refused', tg_op
    using errcode = 'insufficient_privilege';
end $$;

create trigger audit_log_no_update before update on audit_log
  for each statement execute function tracker_audit_log_unchanged();
create trigger audit_log_no_delete before delete on audit_log
  for each statement execute function tracker_audit_log_unchanged();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function tracker_audit_log_unchanged();
