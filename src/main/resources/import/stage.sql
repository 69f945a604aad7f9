-- Staging tables of one import, created in its transaction and dropped at its end. Each row keeps
-- where it came from (src, line) so that every refusal names the line. Ids are drawn from the
-- tables' own sequences as rows are copied in, as the tables' column defaults would draw them.
-- The fields an import copies as they are (RowType's plain fields) get their columns from the code
-- (ImportService adds them after this file), so that a new one is declared in one place.
create temp table s_file (src int primary key, name text not null) on commit drop;
create temp table s_outlet (row_no bigint, src int, line bigint, name text, domain text, country text, kind text,
  notes text, id bigint default nextval('outlet_seq')) on commit drop;
create temp table s_party (row_no bigint, src int, line bigint, name text, kind text, parent text, description text,
  id bigint default nextval('party_seq')) on commit drop;
create temp table s_alias (row_no bigint, src int, line bigint, item int, party_row bigint, alias text,
  id bigint default nextval('party_alias_seq')) on commit drop;
create temp table s_article (row_no bigint, src int, line bigint, outlet text, title text, authors varchar(200)[],
  published_on date, url text, language text, body text, content_hash text, republished_from text, notes text,
  id bigint default nextval('article_seq')) on commit drop;
create temp table s_claim (row_no bigint, src int, line bigint, ref text, claimant text, speaker text, addressed text,
  incident text, grading text, id bigint default nextval('claim_seq')) on commit drop;
create temp table s_source (row_no bigint, src int, line bigint, item int, claim_row bigint, article text,
  article_id bigint, quote text, quote_start int, id bigint default nextval('claim_source_seq')) on commit drop;
create temp table s_response (row_no bigint, src int, line bigint, ref text, claim text, claim_id bigint, party text,
  speaker text, article text, article_id bigint, quote text, quote_start int, counter_claim text,
  counter_claim_id bigint, id bigint default nextval('response_seq')) on commit drop;
