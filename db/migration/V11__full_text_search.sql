-- Full-text search over articles (title and text), claims (proposition), the quotes of claim
-- sources, responses (quote and note), incidents (title and place) and parties (name and aliases).
--
-- Every searched table gets a generated tsvector column, search_vector, with a GIN index. Being
-- generated, it is right after every write whatever its path: the API, the admin pages, the bulk
-- import (INSERT ... SELECT), the seeds, a correction of an article's text, plain SQL.
--
-- Each vector holds three readings of the same text:
-- * tracker_english: English stemming (denied, denies and deny are one word) with accents folded
--   (unaccent), for prose;
-- * tracker_simple, twice: no stemming, accents folded, for names that stemming would mangle:
--   once with hyphens and dashes as spaces (tracker_search_spaced), once with each hyphenated
--   compound and each Arabic article with its noun joined up (tracker_search_joined), so that
--   "Deir ez-Zor", "Deir ez Zor" and "Deir ezZor", "al-Bab" and "al Bab" all find one another.
-- A query is read the same ways and the readings are OR-ed (tracker_search_query). Weights: titles,
-- propositions and names A; quotes, places and aliases B; article text and notes C; descriptions D.
--
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13 and later): the owner of the database,
-- the tracker's role that runs the migrations, may create them.

create extension if not exists unaccent with schema public;
create extension if not exists pg_trgm with schema public;

-- The two configurations: unaccent folds accents before the usual dictionary (words with digits
-- too: F-16s, Tu-22M3).
create text search configuration public.tracker_english (copy = pg_catalog.english);
alter text search configuration public.tracker_english
  alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  with public.unaccent, pg_catalog.english_stem;

-- The simple reading leaves out English stop words too, so that a query of stop words only finds
-- nothing in either reading.
create text search dictionary public.tracker_simple_words (template = pg_catalog.simple, stopwords = english);
create text search configuration public.tracker_simple (copy = pg_catalog.simple);
alter text search configuration public.tracker_simple
  alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  with public.unaccent, public.tracker_simple_words;

-- unaccent(text) is only STABLE (it looks its dictionary up by name); naming the dictionary makes
-- the result depend on the argument alone, which an index or a generated column needs.
create function tracker_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The Arabic article in transliterated names (al-, el-, ad-, ar-, as-, ash-, az-, ez- ...).
create function tracker_name_particles() returns text
  language sql immutable parallel safe
  as $$ select '(al|el|ad|ed|ar|er|as|es|ash|at|et|az|ez|an|en|ud|um|ul|ur|us)' $$;

-- The two texts the simple configuration reads. Spaced: dashes of any kind become spaces (al Bab,
-- Deir ez Zor). Joined: each hyphenated compound and each particle with the word after it is
-- written as one word (alBab, Deir ezZor). A query is read both ways too, so every spelling finds
-- every other, and phrases still match within each reading.
-- Both drop the plural s after a digit (F-16s, 1990s), which no stemmer takes off.
create function tracker_search_spaced(text) returns text
  language sql immutable parallel safe strict
  as $$ select regexp_replace(regexp_replace($1, '[-‐‑‒–—―]+', ' ', 'g'), '(\d)s\M', '\1', 'g') $$;

create function tracker_search_joined(text) returns text
  language sql immutable parallel safe strict
  as $$
    select regexp_replace(regexp_replace(regexp_replace($1, '(\d)s\M', '\1', 'g'),
                                         '(?<=\w)[-‐‑‒–—―]+(?=\w)', '', 'g'),
                          '\m' || tracker_name_particles() || '\s+(?=\w)', '\1', 'gi')
  $$;

-- The tsvector of a text in its three readings, with one weight. The joined reading is left out
-- when it adds nothing (no hyphen, no particle).
create function tracker_search_vector(text, "char") returns tsvector
  language sql immutable parallel safe
  as $$
    select setweight(to_tsvector('public.tracker_english'::regconfig, coalesce($1, '')), $2)
           || setweight(to_tsvector('public.tracker_simple'::regconfig, coalesce(tracker_search_spaced($1), '')), $2)
           || case when tracker_search_joined($1) is distinct from $1
                   then setweight(to_tsvector('public.tracker_simple'::regconfig, tracker_search_joined($1)), $2)
                   else ''::tsvector end
  $$;

-- The readings of a query: English, simple spaced and simple joined, OR-ed (a reading the same as
-- the one before it is left out).
create function tracker_search_readings(q text) returns tsquery
  language sql immutable parallel safe
  as $$
    select case when tracker_search_joined(q) is distinct from tracker_search_spaced(q)
                then websearch_to_tsquery('public.tracker_english'::regconfig, q)
                     || websearch_to_tsquery('public.tracker_simple'::regconfig, tracker_search_spaced(q))
                     || websearch_to_tsquery('public.tracker_simple'::regconfig, tracker_search_joined(q))
                else websearch_to_tsquery('public.tracker_english'::regconfig, q)
                     || websearch_to_tsquery('public.tracker_simple'::regconfig, tracker_search_spaced(q)) end
  $$;

-- A query typed by a person, in the syntax of websearch_to_tsquery: words (all must match),
-- "exact phrases", or, and -exclusion. It is read in the three readings of the records and the
-- readings are OR-ed. An excluded word or phrase excludes every record holding it in any reading,
-- so that -denied also leaves out "denies": the exclusions are taken out first and applied to the
-- whole query. A query of stop words only is empty (numnode = 0) and finds nothing; PostgreSQL's
-- notice about it is not sent to the client.
create function tracker_search_query(q text) returns tsquery
  language plpgsql immutable parallel safe
  set client_min_messages = warning
  as $$
declare
  excluded constant text := '(^|\s)-+("[^"]*"?|[^\s"]+)';
  positive text;
  negative text;
  found tsquery;
  banned tsquery;
begin
  if q is null then
    return ''::tsquery;
  end if;
  positive := regexp_replace(q, excluded, ' ', 'g');
  select string_agg('"' || btrim(replace(m[2], '"', ' ')) || '"', ' or ')
    into negative
    from regexp_matches(q, excluded, 'g') m
   where btrim(replace(m[2], '"', ' ')) <> '';
  found := tracker_search_readings(positive);
  if negative is not null and numnode(found) > 0 then
    banned := tracker_search_readings(negative);
    if numnode(banned) > 0 then
      found := found && !!banned;
    end if;
  end if;
  return found;
end $$;

-- A text as HTML element content (& < > escaped): search snippets are escaped before ts_headline
-- marks the words found, so that its marks are the only markup they hold.
create function tracker_html_escape(text) returns text
  language sql immutable parallel safe strict
  as $$ select replace(replace(replace($1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') $$;

-- The history of records leaves the search columns out: they are derived from what it keeps.
create or replace function tracker_audit_values(row_values jsonb, keep_text boolean) returns jsonb
  language sql immutable as $$
    select case when keep_text then row_values - 'password_hash' - 'search_vector'
                else row_values - 'password_hash' - 'body' - 'search_vector' end
  $$;

-- ---------------------------------------------------------------------------------------------
-- The columns and their indexes.
alter table article add column search_vector tsvector not null
  generated always as (tracker_search_vector(title, 'A') || tracker_search_vector(body, 'C')) stored;
create index article_fulltext_idx on article using gin (search_vector);

alter table claim add column search_vector tsvector not null
  generated always as (tracker_search_vector(proposition, 'A') || tracker_search_vector(grading_note, 'D')) stored;
create index claim_fulltext_idx on claim using gin (search_vector);

alter table claim_source add column search_vector tsvector not null
  generated always as (tracker_search_vector(quote, 'B')) stored;
create index claim_source_fulltext_idx on claim_source using gin (search_vector);

alter table response add column search_vector tsvector not null
  generated always as (tracker_search_vector(quote, 'B') || tracker_search_vector(note, 'C')) stored;
create index response_fulltext_idx on response using gin (search_vector);

alter table incident add column search_vector tsvector not null
  generated always as (tracker_search_vector(title, 'A') || tracker_search_vector(place, 'B')
                       || tracker_search_vector(description, 'D')) stored;
create index incident_fulltext_idx on incident using gin (search_vector);

alter table party add column search_vector tsvector not null
  generated always as (tracker_search_vector(name, 'A') || tracker_search_vector(description, 'D')) stored;
create index party_fulltext_idx on party using gin (search_vector);

alter table party_alias add column search_vector tsvector not null
  generated always as (tracker_search_vector(alias, 'B')) stored;
create index party_alias_fulltext_idx on party_alias using gin (search_vector);

-- Suggestions for misspelled names ("did you mean"): trigram similarity on the unaccented, lower-cased
-- names, aliases and places.
create index party_name_suggest_idx on party using gin (lower(tracker_unaccent(name)) gin_trgm_ops);
create index party_alias_suggest_idx on party_alias using gin (lower(tracker_unaccent(alias)) gin_trgm_ops);
create index incident_place_suggest_idx on incident using gin (lower(tracker_unaccent(place)) gin_trgm_ops);
