-- Several trackers may serve one database (behind a load balancer). What one instance must know of
-- another's work lives here, not in its memory.

-- 1. Changes that end a verified token's life. Each instance keeps the tokens it verified in memory
-- for a short while (account/VerifiedTokens) and listens on the channel tracker_auth
-- (account/AuthChanges); these triggers tell every instance, in the transaction of the change (so
-- only once it commits, whoever made it: the API, the admin pages, the command line or plain SQL).
-- Payloads: 'token:<token_hash>' and 'account:<username>'.
create function tracker_notify_token_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('tracker_auth', 'token:' || (case when tg_op = 'DELETE' then old.token_hash else new.token_hash end));
  return null;
end $$;

-- Hibernate writes every column of a changed row, so the conditions name what really changed.
create trigger api_token_notify_change
  after update of revoked_at, expires_at, account_id, token_hash on api_token
  for each row when (old.revoked_at is distinct from new.revoked_at or old.expires_at <> new.expires_at
                     or old.account_id <> new.account_id or old.token_hash <> new.token_hash)
  execute function tracker_notify_token_change();

create trigger api_token_notify_delete
  after delete on api_token
  for each row execute function tracker_notify_token_change();

create function tracker_notify_account_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('tracker_auth', 'account:' || old.username);
  return null;
end $$;

-- A new password, a disabled account, a changed role, a removed account.
create trigger account_notify_change
  after update of password_hash, enabled, role, username on account
  for each row when (old.password_hash <> new.password_hash or old.enabled <> new.enabled
                     or old.role <> new.role or old.username <> new.username)
  execute function tracker_notify_account_change();

create trigger account_notify_delete
  after delete on account
  for each row execute function tracker_notify_account_change();

-- 2. Failed logins, counted across instances (security/LoginThrottle). One row per failure; rows
-- older than the throttle's window are deleted as new failures come in. A successful login marks
-- the failures of its username from its address as cleared: they no longer count for that pair,
-- but still for the address and for the username from everywhere.
create table login_failure (
  username     varchar(200) not null,
  address      varchar(100) not null,
  failed_at    timestamptz  not null default clock_timestamp(),
  pair_cleared boolean      not null default false
);
create index login_failure_user_idx on login_failure (username, failed_at);
create index login_failure_address_idx on login_failure (address, failed_at);
create index login_failure_time_idx on login_failure (failed_at);

-- Addresses that have logged in to an account (the ten latest per account): guessers elsewhere
-- do not lock them out.
create table login_known_address (
  username      varchar(200) not null,
  address       varchar(100) not null,
  last_login_at timestamptz  not null default clock_timestamp(),
  constraint login_known_address_key primary key (username, address)
);

-- 3. Imports, running and recent, whichever instance runs them (importer/ImportRuns). The instance
-- writes its progress (the JSON of GET /api/imports/{id}) about once a second with a heartbeat; a
-- running import whose heartbeat stopped (its instance died) is shown as failed.
create table import_run (
  id           varchar(40)  primary key,
  instance     varchar(200) not null,
  state        varchar(20)  not null constraint import_run_state_check
                              check (state in ('running', 'imported', 'checked', 'refused', 'failed')),
  progress     json         not null,
  started_at   timestamptz  not null,
  heartbeat_at timestamptz  not null default clock_timestamp()
);
create index import_run_started_idx on import_run (started_at desc);
