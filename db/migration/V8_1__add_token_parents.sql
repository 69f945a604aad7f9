-- A token made with another token (POST /api/tokens) remembers its parent: it expires no later than
-- the parent and is revoked with it. Tokens made in the admin pages or on the command line have none.
alter table api_token add column parent_id bigint
  constraint api_token_parent_fk references api_token (id) on delete cascade
  constraint api_token_parent_not_self check (parent_id <> id);
create index api_token_parent_idx on api_token (parent_id);
