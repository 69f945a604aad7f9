-- Admin sessions live in an encrypted cookie, which the server cannot take back. To end them
-- anyway (logging out, a changed password, a disabled account), the server keeps, per account, the
-- moment before which no session counts: a session whose login is not later than valid_after is
-- refused. Kept apart from account, so that logging out neither takes a new version of the account
-- (and spoils an admin's edit of it) nor fills the audit trail.
create table account_session_cutoff (
  account_id  bigint      primary key constraint account_session_cutoff_account_fk
                            references account (id) on delete cascade,
  valid_after timestamptz not null
);
