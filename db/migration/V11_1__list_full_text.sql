-- The lists' q (articles: title and text; claims: proposition and grading note) is read as search
-- reads it (V11). The function is plain SQL so that PostgreSQL inlines it into the caller, where
-- "search_vector @@ tracker_search_query(q)" uses the table's GIN index; Hibernate calls it as
-- function('tracker_matches', ...).
create function tracker_matches(vector tsvector, q text) returns boolean
  language sql immutable parallel safe
  as $$ select $1 @@ tracker_search_query($2) $$;
