-- The core of the tracker: outlets, articles, parties, incidents, claims and responses.
-- Every enumeration is guarded by a CHECK constraint, every foreign key and every column that a
-- list filters or sorts by has an index, and every editable row carries a version and who/when
-- created and last changed it.
--
-- Ids come from sequences that step by 50, matching Hibernate's pooled optimizer; the column
-- defaults let plain SQL (imports, psql) insert rows without colliding with the application.

-- Trigram indexes serve the case-insensitive "contains" searches of the lists (q=...).
create extension if not exists pg_trgm;

create function tracker_lower_trim(text) returns text
  language sql immutable parallel safe
  as $$ select lower(btrim($1)) $$;

-- ---------------------------------------------------------------------------------------------
-- Outlets: publishers.
create sequence outlet_seq start with 1 increment by 50;
create table outlet (
  id          bigint       primary key default nextval('outlet_seq'),
  name        varchar(200) not null constraint outlet_name_not_blank check (btrim(name) <> ''),
  domain      varchar(253) constraint outlet_domain_format check (domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
  country     varchar(2)   constraint outlet_country_format check (country ~ '^[A-Z]{2}$'),
  kind        varchar(20)  not null constraint outlet_kind_check
                check (kind in ('news_site', 'wire_agency', 'state_media', 'blog', 'monitor_ngo')),
  notes       text         constraint outlet_notes_length check (char_length(notes) <= 4000),
  version     bigint       not null default 0,
  created_at  timestamptz  not null default now(),
  created_by  varchar(100) not null,
  updated_at  timestamptz  not null default now(),
  updated_by  varchar(100) not null
);
create unique index outlet_name_key on outlet (tracker_lower_trim(name));
create unique index outlet_domain_key on outlet (domain);
create index outlet_sort_idx on outlet (lower(name), id);
create index outlet_name_search_idx on outlet using gin (lower(name) gin_trgm_ops);
create index outlet_kind_idx on outlet (kind);
create index outlet_country_idx on outlet (country);

-- ---------------------------------------------------------------------------------------------
-- Articles: the stored text that every quote is checked against.
create sequence article_seq start with 1 increment by 50;
create table article (
  id                         bigint        primary key default nextval('article_seq'),
  outlet_id                  bigint        not null constraint article_outlet_fk references outlet (id),
  title                      varchar(500)  not null constraint article_title_not_blank check (btrim(title) <> ''),
  authors                    varchar(200)[] not null default '{}',
  published_on               date          not null,
  url                        varchar(2000) constraint article_url_format check (url ~ '^https?://[^\s]+$'),
  language                   varchar(12)   not null default 'en'
                               constraint article_language_format check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  body                       text          not null
                               constraint article_body_length check (char_length(body) between 1 and 1000000),
  content_hash               varchar(64)   not null constraint article_content_hash_format check (content_hash ~ '^[0-9a-f]{64}$'),
  republished_from_outlet_id bigint        constraint article_republished_from_fk references outlet (id),
  notes                      text          constraint article_notes_length check (char_length(notes) <= 4000),
  version                    bigint        not null default 0,
  created_at                 timestamptz   not null default now(),
  created_by                 varchar(100)  not null,
  updated_at                 timestamptz   not null default now(),
  updated_by                 varchar(100)  not null,
  constraint article_url_key unique (url),
  constraint article_content_hash_key unique (content_hash)
);
create index article_outlet_idx on article (outlet_id, published_on desc);
create index article_published_on_idx on article (published_on desc, id desc);
create index article_republished_from_idx on article (republished_from_outlet_id);
create index article_language_idx on article (language);
create index article_title_search_idx on article using gin (lower(title) gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Parties (actors), their aliases and their dated memberships of groups.
create sequence party_seq start with 1 increment by 50;
create table party (
  id          bigint       primary key default nextval('party_seq'),
  name        varchar(200) not null constraint party_name_not_blank check (btrim(name) <> ''),
  kind        varchar(20)  not null constraint party_kind_check
                check (kind in ('state', 'government_body', 'armed_force', 'armed_group', 'coalition',
                                'monitor_ngo', 'media_outlet', 'person')),
  parent_id   bigint       constraint party_parent_fk references party (id)
                           constraint party_parent_not_self check (parent_id <> id),
  description text         constraint party_description_length check (char_length(description) <= 4000),
  version     bigint       not null default 0,
  created_at  timestamptz  not null default now(),
  created_by  varchar(100) not null,
  updated_at  timestamptz  not null default now(),
  updated_by  varchar(100) not null
);
create unique index party_name_key on party (tracker_lower_trim(name));
create index party_sort_idx on party (lower(name), id);
create index party_name_search_idx on party using gin (lower(name) gin_trgm_ops);
create index party_parent_idx on party (parent_id);
create index party_kind_idx on party (kind);

create sequence party_alias_seq start with 1 increment by 50;
create table party_alias (
  id          bigint       primary key default nextval('party_alias_seq'),
  party_id    bigint       not null constraint party_alias_party_fk references party (id) on delete cascade,
  alias       varchar(200) not null constraint party_alias_not_blank check (btrim(alias) <> ''),
  created_at  timestamptz  not null default now(),
  created_by  varchar(100) not null
);
create unique index party_alias_key on party_alias (tracker_lower_trim(alias));
create index party_alias_party_idx on party_alias (party_id);
create index party_alias_search_idx on party_alias using gin (lower(alias) gin_trgm_ops);

create sequence party_membership_seq start with 1 increment by 50;
create table party_membership (
  id          bigint       primary key default nextval('party_membership_seq'),
  member_id   bigint       not null constraint party_membership_member_fk references party (id) on delete cascade,
  group_id    bigint       not null constraint party_membership_group_fk references party (id),
  valid_from  date,
  valid_to    date,
  role        varchar(100),
  note        text         constraint party_membership_note_length check (char_length(note) <= 2000),
  version     bigint       not null default 0,
  created_at  timestamptz  not null default now(),
  created_by  varchar(100) not null,
  updated_at  timestamptz  not null default now(),
  updated_by  varchar(100) not null,
  constraint party_membership_not_self check (member_id <> group_id),
  constraint party_membership_dates check (valid_to is null or valid_from is null or valid_to >= valid_from),
  constraint party_membership_key unique nulls not distinct (member_id, group_id, valid_from)
);
create index party_membership_member_idx on party_membership (member_id);
create index party_membership_group_idx on party_membership (group_id);

-- ---------------------------------------------------------------------------------------------
-- Incidents: the alleged events that claims are about.
create sequence incident_seq start with 1 increment by 50;
create table incident (
  id             bigint        primary key default nextval('incident_seq'),
  ref            varchar(120)  constraint incident_ref_format check (ref ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]*$'),
  title          varchar(300)  not null constraint incident_title_not_blank check (btrim(title) <> ''),
  occurred_on    date,
  occurred_until date,
  date_precision varchar(10)   not null constraint incident_date_precision_check
                   check (date_precision in ('day', 'month', 'year', 'range', 'unknown')),
  place          varchar(300),
  latitude       numeric(9, 6) constraint incident_latitude_range check (latitude between -90 and 90),
  longitude      numeric(9, 6) constraint incident_longitude_range check (longitude between -180 and 180),
  description    text          constraint incident_description_length check (char_length(description) <= 10000),
  version        bigint        not null default 0,
  created_at     timestamptz   not null default now(),
  created_by     varchar(100)  not null,
  updated_at     timestamptz   not null default now(),
  updated_by     varchar(100)  not null,
  constraint incident_ref_key unique (ref),
  constraint incident_date_known check ((date_precision = 'unknown') = (occurred_on is null)),
  constraint incident_range check ((date_precision = 'range') = (occurred_until is not null)),
  constraint incident_range_order check (occurred_until is null or occurred_until >= occurred_on),
  constraint incident_coordinates_pair check ((latitude is null) = (longitude is null))
);
create index incident_occurred_on_idx on incident (occurred_on desc nulls last, id desc);
create index incident_date_precision_idx on incident (date_precision);
create index incident_title_search_idx on incident using gin (lower(title) gin_trgm_ops);
create index incident_place_search_idx on incident using gin (lower(place) gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Claims: who alleges what against whom, with one or more verbatim sources.
create sequence claim_seq start with 1 increment by 50;
create table claim (
  id                 bigint        primary key default nextval('claim_seq'),
  ref                varchar(120)  constraint claim_ref_format check (ref ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]*$'),
  claimant_id        bigint        not null constraint claim_claimant_fk references party (id),
  speaker_id         bigint        constraint claim_speaker_fk references party (id),
  addressed_party_id bigint        constraint claim_addressed_party_fk references party (id),
  proposition        text          not null
                       constraint claim_proposition_length check (char_length(btrim(proposition)) between 1 and 4000),
  kind               varchar(20)   not null constraint claim_kind_check
                       check (kind in ('attack_attribution', 'casualties', 'cooperation', 'agreement_breach',
                                       'capability', 'threat', 'other')),
  stated_on          date          not null,
  incident_id        bigint        constraint claim_incident_fk references incident (id),
  casualties_low     integer       constraint claim_casualties_low_range check (casualties_low >= 0),
  casualties_high    integer       constraint claim_casualties_high_range check (casualties_high >= 0),
  grading            varchar(12)   not null default 'unassessed' constraint claim_grading_check
                       check (grading in ('unassessed', 'confirmed', 'fair', 'weak', 'contested', 'discounted')),
  grading_note       text          constraint claim_grading_note_length check (char_length(grading_note) <= 4000),
  version            bigint        not null default 0,
  created_at         timestamptz   not null default now(),
  created_by         varchar(100)  not null,
  updated_at         timestamptz   not null default now(),
  updated_by         varchar(100)  not null,
  constraint claim_ref_key unique (ref),
  constraint claim_casualties_order check (casualties_low is null or casualties_high is null or casualties_low <= casualties_high)
);
create index claim_claimant_idx on claim (claimant_id, stated_on desc);
create index claim_speaker_idx on claim (speaker_id);
create index claim_addressed_party_idx on claim (addressed_party_id, stated_on desc);
create index claim_incident_idx on claim (incident_id, stated_on);
create index claim_kind_idx on claim (kind);
create index claim_grading_idx on claim (grading);
create index claim_stated_on_idx on claim (stated_on desc, id desc);
create index claim_proposition_search_idx on claim using gin (lower(proposition) gin_trgm_ops);

create sequence claim_source_seq start with 1 increment by 50;
create table claim_source (
  id          bigint       primary key default nextval('claim_source_seq'),
  claim_id    bigint       not null constraint claim_source_claim_fk references claim (id) on delete cascade,
  article_id  bigint       not null constraint claim_source_article_fk references article (id),
  quote       text         not null constraint claim_source_quote_length check (char_length(quote) between 1 and 4000),
  quote_start integer      not null constraint claim_source_quote_start_range check (quote_start >= 0),
  quote_end   integer      not null,
  created_at  timestamptz  not null default now(),
  created_by  varchar(100) not null,
  constraint claim_source_offsets check (quote_end - quote_start = char_length(quote)),
  constraint claim_source_key unique (claim_id, article_id, quote_start, quote_end)
);
create index claim_source_claim_idx on claim_source (claim_id);
create index claim_source_article_idx on claim_source (article_id);

-- ---------------------------------------------------------------------------------------------
-- Responses: one party's stance on one claim. They accumulate; the latest by date stated gives
-- the party's derived position.
create sequence response_seq start with 1 increment by 50;
create table response (
  id               bigint        primary key default nextval('response_seq'),
  ref              varchar(120)  constraint response_ref_format check (ref ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]*$'),
  claim_id         bigint        not null constraint response_claim_fk references claim (id),
  party_id         bigint        not null constraint response_party_fk references party (id),
  speaker_id       bigint        constraint response_speaker_fk references party (id),
  stance           varchar(20)   not null constraint response_stance_check
                     check (stance in ('asserts', 'confirms', 'partially_confirms', 'acknowledges', 'assessing',
                                       'denies', 'counter_attributes', 'declines_comment', 'retracts')),
  stated_on        date          not null,
  article_id       bigint        not null constraint response_article_fk references article (id),
  quote            text          not null constraint response_quote_length check (char_length(quote) between 1 and 4000),
  quote_start      integer       not null constraint response_quote_start_range check (quote_start >= 0),
  quote_end        integer       not null,
  counter_claim_id bigint        constraint response_counter_claim_fk references claim (id),
  note             text          constraint response_note_length check (char_length(note) <= 4000),
  version          bigint        not null default 0,
  created_at       timestamptz   not null default now(),
  created_by       varchar(100)  not null,
  updated_at       timestamptz   not null default now(),
  updated_by       varchar(100)  not null,
  constraint response_ref_key unique (ref),
  constraint response_offsets check (quote_end - quote_start = char_length(quote)),
  constraint response_counter_claim_not_self check (counter_claim_id <> claim_id)
);
-- The positions query reads a party's latest response per claim straight off this index.
create index response_party_claim_idx on response (party_id, claim_id, stated_on desc, id desc);
create index response_claim_idx on response (claim_id, stated_on, id);
create index response_speaker_idx on response (speaker_id);
create index response_article_idx on response (article_id);
create index response_counter_claim_idx on response (counter_claim_id);
create index response_stance_idx on response (stance);
create index response_stated_on_idx on response (stated_on desc, id desc);

-- ---------------------------------------------------------------------------------------------
-- Quotes must be found verbatim at their offsets in the stored article text. Offsets count
-- Unicode code points from 0, as char_length and substr do.
create function tracker_check_quote() returns trigger
  language plpgsql as $$
declare
  found_text text;
begin
  select substr(a.body, new.quote_start + 1, new.quote_end - new.quote_start)
    into found_text
    from article a where a.id = new.article_id;
  if found_text is distinct from new.quote then
    raise exception 'quote not found at offsets % to % of article %', new.quote_start, new.quote_end, new.article_id
      using errcode = 'check_violation', constraint = tg_table_name || '_quote_in_article';
  end if;
  return new;
end $$;

create trigger claim_source_quote_in_article
  before insert or update of article_id, quote, quote_start, quote_end on claim_source
  for each row execute function tracker_check_quote();
create trigger response_quote_in_article
  before insert or update of article_id, quote, quote_start, quote_end on response
  for each row execute function tracker_check_quote();

-- An article's text may be corrected while every quote taken from it is still in it: each quote
-- moves to its occurrence nearest to where it was (W3C Web Annotation calls this re-anchoring),
-- and a correction that would orphan a quote is refused.
create function tracker_nearest_occurrence(body text, quote text, near integer) returns integer
  language plpgsql immutable parallel safe as $$
declare
  best integer;
  offset_from integer := 0;
  found integer;
begin
  loop
    found := strpos(substr(body, offset_from + 1), quote);
    exit when found = 0;
    found := offset_from + found - 1;
    if best is null or abs(found - near) < abs(best - near) then
      best := found;
    end if;
    exit when found > near;
    offset_from := found + 1;
  end loop;
  return best;
end $$;

create function tracker_reanchor_quotes() returns trigger
  language plpgsql as $$
declare
  q record;
  moved_to integer;
begin
  for q in select 'claim_source' as source_table, s.id, s.quote, s.quote_start from claim_source s where s.article_id = new.id
           union all
           select 'response', r.id, r.quote, r.quote_start from response r where r.article_id = new.id
  loop
    moved_to := tracker_nearest_occurrence(new.body, q.quote, q.quote_start);
    if moved_to is null then
      raise exception 'the new text of article % no longer contains the quote "%"', new.id, left(q.quote, 80)
        using errcode = 'check_violation', constraint = 'article_body_keeps_quotes';
    end if;
    if moved_to <> q.quote_start then
      if q.source_table = 'claim_source' then
        update claim_source set quote_start = moved_to, quote_end = moved_to + char_length(q.quote) where id = q.id;
      else
        update response set quote_start = moved_to, quote_end = moved_to + char_length(q.quote) where id = q.id;
      end if;
    end if;
  end loop;
  return null;
end $$;

create trigger article_body_keeps_quotes
  after update of body on article
  for each row when (old.body is distinct from new.body)
  execute function tracker_reanchor_quotes();

-- ---------------------------------------------------------------------------------------------
-- Derived positions. The one place where a stance becomes a position:
--   denied              latest stance denies or counter_attributes
--   confirmed           latest stance confirms or acknowledges
--   partially_confirmed latest stance partially_confirms
--   withdrawn           the claimant's own latest stance is retracts
--   unresolved          the claim is addressed to the party and its latest stance is none,
--                       assessing or declines_comment (or anything else that neither denies nor
--                       confirms, such as retracting an earlier answer)
-- Any other pair (a claimant standing by its own claim, a bystander that is only assessing) has
-- no position.
create function tracker_position(stance varchar, is_claimant boolean, is_addressed boolean)
  returns varchar
  language sql immutable parallel safe
  as $$
    select case
      when stance in ('denies', 'counter_attributes') then 'denied'
      when stance in ('confirms', 'acknowledges') then 'confirmed'
      when stance = 'partially_confirms' then 'partially_confirmed'
      when stance = 'retracts' and is_claimant then 'withdrawn'
      when is_addressed then 'unresolved'
      else null
    end
  $$;
