-- SQL reporting: the schema that holds the reporting views (defined in R__reporting_views.sql)
-- and the read-only login role that report writers use (psql, BI tools).
--
-- The role may read the views in schema reporting and nothing else: no base table, no account
-- table, nothing in schema public, and it may write nothing. The views run with their owner's
-- rights, so the role needs no privilege on the tables behind them.
--
-- Its password is not set here: the application sets it at every start from configuration
-- (tracker.reporting.password, see ReportingPassword), so that a changed password takes effect
-- without a new migration and never appears in a script or in the migration history.

create schema reporting;
comment on schema reporting is
  'Stable, documented, read-only views for report writers; see db/reports/README.md. Changes are additive only.';

-- Roles belong to the whole server, not to one database: a second database on the same server
-- (a test run, another environment) finds the role already there. Creating it only when missing
-- keeps this migration repeatable across databases; two migrations racing to create it are fine too.
do $$
begin
  if not exists (select from pg_roles where rolname = 'claims_reporting') then
    create role claims_reporting login;
  end if;
exception
  when duplicate_object then null;
end $$;

-- Whatever the role was given before, it is a plain login role: no superuser, no role or database
-- creation, no replication, no row-security bypass, and it inherits nothing.
alter role claims_reporting with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit;

-- Every transaction starts read-only. This is a guard rail, not the protection (a session may
-- turn it off): the protection is that the role holds no write privilege anywhere.
alter role claims_reporting set default_transaction_read_only = on;
-- Report writers can name the views without the schema (claim_positions rather than
-- reporting.claim_positions); nothing of schema public is on the path.
alter role claims_reporting set search_path = reporting;

-- PostgreSQL grants every role (PUBLIC) the right to create temporary tables in a database and,
-- in databases created before version 15, to create objects in schema public. Both are taken
-- from PUBLIC here. The migration user owns the database and the schema, so it keeps them; only
-- an owner can take them from PUBLIC (anyone else's revoke is a warning and changes nothing,
-- which ReportingRoleTest would report).
do $$
begin
  execute format('revoke temporary on database %I from public', current_database());
  execute format('grant connect on database %I to claims_reporting', current_database());
end $$;
revoke create on schema public from public;

-- Reading the reporting schema: usage of the schema, and select on its views. The repeatable
-- migration grants select on every view it (re)creates; the default privilege also covers views
-- the migration user adds by hand.
grant usage on schema reporting to claims_reporting;
alter default privileges in schema reporting grant select on tables to claims_reporting;
