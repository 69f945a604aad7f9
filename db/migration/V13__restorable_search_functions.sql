-- The functions the generated search columns and the suggestion indexes call, written again with
-- SQL-standard bodies (BEGIN ATOMIC) and schema-qualified names. The body is then parsed when the
-- function is made, so PostgreSQL records what it uses (the text search configurations, the
-- unaccent dictionary, the other functions), and pg_dump restores those first. With V11's string
-- bodies, a dump did not restore: the tables' rows were copied, and their columns computed, before
-- the configurations existed, and under the empty search_path a restore sets, the unqualified
-- helpers were not found. The results are the same as V11's, so nothing stored changes.
--
-- Flyway's SQL parser does not read BEGIN ATOMIC bodies, so each statement is handed to PostgreSQL
-- whole, by EXECUTE.

do $migration$
begin
  execute $fn$
    create or replace function public.tracker_unaccent(text) returns text
      language sql immutable parallel safe strict
      begin atomic
        select public.unaccent('public.unaccent'::regdictionary, $1);
      end
  $fn$;
  execute $fn$
    create or replace function public.tracker_name_particles() returns text
      language sql immutable parallel safe
      begin atomic
        select '(al|el|ad|ed|ar|er|as|es|ash|at|et|az|ez|an|en|ud|um|ul|ur|us)';
      end
  $fn$;
  execute $fn$
    create or replace function public.tracker_search_spaced(text) returns text
      language sql immutable parallel safe strict
      begin atomic
        select regexp_replace(regexp_replace($1, '[-‐‑‒–—―]+', ' ', 'g'), '(\d)s\M', '\1', 'g');
      end
  $fn$;
  execute $fn$
    create or replace function public.tracker_search_joined(text) returns text
      language sql immutable parallel safe strict
      begin atomic
        select regexp_replace(regexp_replace(regexp_replace($1, '(\d)s\M', '\1', 'g'),
                                             '(?<=\w)[-‐‑‒–—―]+(?=\w)', '', 'g'),
                              '\m' || public.tracker_name_particles() || '\s+(?=\w)', '\1', 'gi');
      end
  $fn$;
  execute $fn$
    create or replace function public.tracker_search_vector(text, "char") returns tsvector
      language sql immutable parallel safe
      begin atomic
        select setweight(to_tsvector('public.tracker_english'::regconfig, coalesce($1, '')), $2)
               || setweight(to_tsvector('public.tracker_simple'::regconfig, coalesce(public.tracker_search_spaced($1), '')), $2)
               || case when public.tracker_search_joined($1) is distinct from $1
                       then setweight(to_tsvector('public.tracker_simple'::regconfig, public.tracker_search_joined($1)), $2)
                       else ''::tsvector end;
      end
  $fn$;
end
$migration$;
