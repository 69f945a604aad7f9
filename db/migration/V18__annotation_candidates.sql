-- Passages imported from annotation tools (W3C Web Annotations, POST /api/annotations/import):
-- each one resolved to a stretch of a stored article, listed in the reader as a quote an analyst
-- may record a claim from, until it is recorded or dismissed. A candidate is a suggestion, not a
-- record: it is not audited, and it goes with its article.
create sequence annotation_candidate_seq start with 1 increment by 50;
create table annotation_candidate (
  id          bigint        primary key default nextval('annotation_candidate_seq'),
  article_id  bigint        not null constraint annotation_candidate_article_fk references article (id) on delete cascade,
  quote       text          not null constraint annotation_candidate_quote_length check (char_length(quote) between 1 and 4000),
  quote_start integer       not null constraint annotation_candidate_quote_start_range check (quote_start >= 0),
  quote_end   integer       not null,
  -- the annotation's own words (its comment, or its tags), as the tool wrote them
  note        text          constraint annotation_candidate_note_length check (char_length(note) <= 4000),
  -- the annotation's IRI in the tool it came from, when it had one
  origin      varchar(2000) constraint annotation_candidate_origin_length check (char_length(btrim(origin)) between 1 and 2000),
  created_at  timestamptz   not null default now(),
  created_by  varchar(100)  not null,
  constraint annotation_candidate_offsets check (quote_end - quote_start = char_length(quote)),
  -- one candidate per stretch of an article; its leading column serves the reader's lookup
  constraint annotation_candidate_key unique (article_id, quote_start, quote_end)
);

-- The quote stands at its offsets, as for claim sources and responses (V1's function).
create trigger annotation_candidate_quote_in_article
  before insert or update of article_id, quote, quote_start, quote_end on annotation_candidate
  for each row execute function tracker_check_quote();

-- A corrected article text drops the candidates whose words no longer stand at their offsets
-- (recorded quotes move, V1; a suggestion is simply imported again).
create function tracker_drop_stale_candidates() returns trigger
language plpgsql as $$
begin
  delete from annotation_candidate c
   where c.article_id = new.id
     and substr(new.body, c.quote_start + 1, c.quote_end - c.quote_start) is distinct from c.quote;
  return null;
end;
$$;
create trigger article_drops_stale_candidates
  after update of body on article
  for each row when (old.body is distinct from new.body)
  execute function tracker_drop_stale_candidates();
