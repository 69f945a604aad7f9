-- Recorded quotes as Web Annotations (GET /api/annotations) are served in one order: article,
-- start, end, kind (claim sources before responses), id. Each of the two tables gets an index in
-- that order, so that a page reads each table from the index up to the page and stops there (and,
-- after a vacuum, reads the index only): the unfiltered list no longer sorts every quote to serve
-- a page (bench/RESULTS.md, "Annotations: paging by the index"). Their leading column serves what
-- the article_id indexes of V1 served (the article's quotes, the foreign keys' checks), so those go.
create index claim_source_annotation_order_idx on claim_source (article_id, quote_start, quote_end, id);
drop index claim_source_article_idx;
create index response_annotation_order_idx on response (article_id, quote_start, quote_end, id);
drop index response_article_idx;
