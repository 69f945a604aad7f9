-- New password hashes are bcrypt of an HMAC-SHA-256 of the password (bcrypt reads only 72 bytes),
-- marked "sha256+"; hashes made before keep their plain bcrypt form and keep working.
alter table account drop constraint account_password_hash_format;
alter table account add constraint account_password_hash_format
  check (password_hash ~ '^(sha256\+)?\$2[aby]?\$');
