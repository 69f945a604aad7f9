-- API tokens: REST clients authenticate with "Authorization: Bearer <token>". A token is made by
-- logging in (POST /api/tokens) and belongs to one account; it expires and can be revoked. Only a
-- SHA-256 hash of the token is stored, so a copy of the database does not hold usable tokens.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
  id           bigint       primary key default nextval('api_token_seq'),
  account_id   bigint       not null constraint api_token_account_fk references account (id) on delete cascade,
  name         varchar(100) not null constraint api_token_name_not_blank check (btrim(name) <> ''),
  token_hash   varchar(64)  not null constraint api_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at   timestamptz  not null,
  revoked_at   timestamptz,
  version      bigint       not null default 0,
  created_at   timestamptz  not null default now(),
  created_by   varchar(100) not null,
  updated_at   timestamptz  not null default now(),
  updated_by   varchar(100) not null,
  constraint api_token_hash_key unique (token_hash)
);
create index api_token_account_idx on api_token (account_id, created_at desc);
create index api_token_expires_at_idx on api_token (expires_at);

-- Tokens are audited under their account, without their hash.
create or replace function tracker_audit_owner_table(table_name text) returns varchar
  language sql immutable as $$
    select case table_name
             when 'claim_source' then 'claim'
             when 'party_alias' then 'party'
             when 'party_membership' then 'party'
             when 'api_token' then 'account'
             else table_name end
  $$;

create or replace function tracker_audit_owner_id(table_name text, row_values jsonb) returns bigint
  language sql immutable as $$
    select (case table_name
              when 'claim_source' then row_values ->> 'claim_id'
              when 'party_alias' then row_values ->> 'party_id'
              when 'party_membership' then row_values ->> 'member_id'
              when 'api_token' then row_values ->> 'account_id'
              else row_values ->> 'id' end)::bigint
  $$;

create or replace function tracker_audit_values(row_values jsonb, keep_text boolean) returns jsonb
  language sql immutable as $$
    select case when keep_text then row_values - 'password_hash' - 'token_hash'
                else row_values - 'password_hash' - 'token_hash' - 'body' end
  $$;

create trigger api_token_audit_insert after insert on api_token referencing new table as new_rows
  for each statement execute function tracker_audit_insert();
create trigger api_token_audit_update after update on api_token referencing old table as old_rows new table as new_rows
  for each statement execute function tracker_audit_update();
create trigger api_token_audit_delete after delete on api_token referencing old table as old_rows
  for each statement execute function tracker_audit_delete();
