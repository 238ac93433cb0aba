-- Full-text search of the public find page (/{org}/find, lib/data/public.ts searchPublishedMilestones).
--
-- Written by hand: schema.prisma cannot describe functions or expression indexes, and Prisma's diff leaves both
-- alone, so tests/integration/migrations.test.ts still holds.
--
-- Configuration 'english': the texts are English (titles, rationales, quotes from English-language sources), and its
-- stemming lets "backing" find "back" and "delayed" find "delay"; both engines ship it. It is named explicitly, never
-- taken from default_text_search_config, which keeps the expressions immutable, as an index needs.
--
-- The same answers on every server. PostgreSQL's text-search parser classifies and lower-cases non-ASCII characters
-- by the database's LC_CTYPE: under the C locale every non-ASCII character counts as a letter ("Starmer–Macron" is
-- one word) and only ASCII is lower-cased, while under a UTF-8 locale (the embedded PGlite's C.UTF-8, a server's
-- en_US.UTF-8) the dash separates two words. So the text is first made to read the same under any locale:
-- search_text turns typographic quotes, dashes and the ellipsis into their ASCII forms and every other non-ASCII
-- punctuation mark, symbol, space, combining mark or emoji into a space, by code point (regular expression ranges do
-- not depend on the locale); search_vector and search_query also lower-case the Latin-1 capitals (À…Þ, Œ, Ÿ). Letters
-- of other scripts are searched as they are; their capitals may match differently under the C locale.

CREATE FUNCTION "search_text"(body text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(
    translate(body, '‘’‚‛′“”„‟″«»‐‑‒–—―−…', '''''''''''"""""""-------.'),
    '[ -¿×÷̀-ͯ -⯿　-〿︀-️︰-﹏！-／🀀-🫿]', ' ', 'g');

CREATE FUNCTION "search_vector"(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN to_tsvector('english'::regconfig, translate(search_text(body), 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸ', 'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿ'));

-- websearch_to_tsquery accepts anything a reader types ("a phrase", or, -word) and never fails on syntax.
CREATE FUNCTION "search_query"(input text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN websearch_to_tsquery('english'::regconfig, translate(search_text(input), 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸ', 'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿ'));

-- One GIN index per searched text, on the very expression the query uses.
CREATE INDEX "milestones_title_fts" ON "milestones" USING GIN (search_vector("title"));

CREATE INDEX "commitments_title_fts" ON "commitments" USING GIN (search_vector("title"));

CREATE INDEX "status_updates_rationale_fts" ON "status_updates" USING GIN (search_vector("rationale"));

CREATE INDEX "evidence_links_quote_fts" ON "evidence_links" USING GIN (search_vector("quote"));

CREATE INDEX "observations_quote_fts" ON "observations" USING GIN (search_vector("quote"));
