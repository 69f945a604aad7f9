-- Accounts of the people who use the tracker. Passwords are stored only as bcrypt hashes in
-- modular crypt format; the role decides what an account may do (viewer < analyst < admin).
create sequence account_seq start with 1 increment by 50;
create table account (
  id            bigint       primary key default nextval('account_seq'),
  username      varchar(64)  not null constraint account_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name  varchar(200),
  password_hash varchar(100) not null constraint account_password_hash_format check (password_hash ~ '^\$2[aby]?\$'),
  role          varchar(10)  not null constraint account_role_check check (role in ('viewer', 'analyst', 'admin')),
  enabled       boolean      not null default true,
  version       bigint       not null default 0,
  created_at    timestamptz  not null default now(),
  created_by    varchar(100) not null,
  updated_at    timestamptz  not null default now(),
  updated_by    varchar(100) not null,
  constraint account_username_key unique (username)
);
create index account_role_idx on account (role);
create index account_enabled_idx on account (enabled);
