-- The audit trail: every insert, update and delete of a record, in the same transaction as the
-- change, with who made it, when, and the values before and after. Deleted records stay
-- traceable here. Statement-level triggers with transition tables write one INSERT per statement,
-- so bulk loads (COPY, batches) are audited without a trigger call per row.
--
-- Who: the application names the acting account in the session setting tracker.actor whenever it
-- takes a connection from its pool; a change made directly in SQL is recorded as db:<login role>.
--
-- What is kept: the row as JSON, except the password hash of accounts, and except an article's
-- text where it is not the news: an inserted article is recorded with its content hash only (the
-- text is the record itself), an update keeps both texts only when the text changed, and a delete
-- keeps the whole text.

create table audit_log (
  id             bigint       generated always as identity primary key,
  occurred_at    timestamptz  not null default now(),
  actor          varchar(100) not null,
  table_name     varchar(40)  not null,
  record_id      bigint       not null,
  owner_table    varchar(40)  not null,
  owner_id       bigint       not null,
  action         varchar(6)   not null constraint audit_log_action_check check (action in ('insert', 'update', 'delete')),
  transaction_id bigint       not null default txid_current(),
  before         jsonb,
  after          jsonb,
  constraint audit_log_values check ((before is null) = (action = 'insert') and (after is null) = (action = 'delete'))
);
comment on table audit_log is 'Every change to a record: who, when, which record, the values before and after.';
comment on column audit_log.owner_table is 'The record whose history the change belongs to: a claim for its sources, a party for its aliases and memberships.';

-- The history of one record (with its parts), oldest first.
create index audit_log_owner_idx on audit_log (owner_table, owner_id, id);
create index audit_log_record_idx on audit_log (table_name, record_id, id);
create index audit_log_actor_idx on audit_log (actor, id);
create index audit_log_occurred_at_idx on audit_log (occurred_at, id);

create function tracker_actor() returns varchar
  language sql stable as $$
    select left(coalesce(nullif(current_setting('tracker.actor', true), ''), 'db:' || session_user), 100)
  $$;

-- Parts are filed under the record they belong to.
create function tracker_audit_owner_table(table_name text) returns varchar
  language sql immutable as $$
    select case table_name
             when 'claim_source' then 'claim'
             when 'party_alias' then 'party'
             when 'party_membership' then 'party'
             else table_name end
  $$;

create function tracker_audit_owner_id(table_name text, row_values jsonb) returns bigint
  language sql immutable as $$
    select (case table_name
              when 'claim_source' then row_values ->> 'claim_id'
              when 'party_alias' then row_values ->> 'party_id'
              when 'party_membership' then row_values ->> 'member_id'
              else row_values ->> 'id' end)::bigint
  $$;

-- What of a row is kept: never a password hash; an article's text only when asked for.
create function tracker_audit_values(row_values jsonb, keep_text boolean) returns jsonb
  language sql immutable as $$
    select case when keep_text then row_values - 'password_hash' else row_values - 'password_hash' - 'body' end
  $$;

create function tracker_audit_insert() returns trigger
  language plpgsql as $$
begin
  insert into audit_log (actor, table_name, record_id, owner_table, owner_id, action, after)
  select tracker_actor(), tg_table_name, (r ->> 'id')::bigint, tracker_audit_owner_table(tg_table_name),
         tracker_audit_owner_id(tg_table_name, r), 'insert', tracker_audit_values(r, false)
    from (select to_jsonb(n) as r from new_rows n) inserted;
  return null;
end $$;

create function tracker_audit_update() returns trigger
  language plpgsql as $$
begin
  insert into audit_log (actor, table_name, record_id, owner_table, owner_id, action, before, after)
  select tracker_actor(), tg_table_name, (a ->> 'id')::bigint, tracker_audit_owner_table(tg_table_name),
         tracker_audit_owner_id(tg_table_name, a), 'update',
         tracker_audit_values(b, b -> 'body' is distinct from a -> 'body'),
         tracker_audit_values(a, b -> 'body' is distinct from a -> 'body')
    from (select to_jsonb(o) as b, to_jsonb(n) as a
            from old_rows o join new_rows n on n.id = o.id) changed
   where b is distinct from a;
  return null;
end $$;

create function tracker_audit_delete() returns trigger
  language plpgsql as $$
begin
  insert into audit_log (actor, table_name, record_id, owner_table, owner_id, action, before)
  select tracker_actor(), tg_table_name, (b ->> 'id')::bigint, tracker_audit_owner_table(tg_table_name),
         tracker_audit_owner_id(tg_table_name, b), 'delete', tracker_audit_values(b, true)
    from (select to_jsonb(o) as b from old_rows o) deleted;
  return null;
end $$;

do $$
declare
  audited text;
begin
  foreach audited in array array['outlet', 'article', 'party', 'party_alias', 'party_membership', 'incident',
                                 'claim', 'claim_source', 'response', 'account']
  loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows'
                   ' for each statement execute function tracker_audit_insert()', audited || '_audit_insert', audited);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                   ' for each statement execute function tracker_audit_update()', audited || '_audit_update', audited);
    execute format('create trigger %I after delete on %I referencing old table as old_rows'
                   ' for each statement execute function tracker_audit_delete()', audited || '_audit_delete', audited);
  end loop;
end $$;
