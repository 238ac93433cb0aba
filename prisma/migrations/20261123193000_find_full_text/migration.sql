-- Full-text search of the public find page (/{org}/find, lib/data/public.ts searchPublishedMilestones): one GIN
-- index per searched text, on the very expression the query uses, so that PostgreSQL and the embedded PGlite can
-- answer `to_tsvector('english', <text>) @@ websearch_to_tsquery('english', $1)` from the index.
--
-- The 'english' configuration: the texts are English (titles, rationales, quotes from English-language sources), and
-- its stemming lets "backing" find "back" and "commitments" find "commitment"; both engines ship it. The expression
-- names the configuration explicitly (never default_text_search_config), which keeps it immutable, as an index needs.
--
-- Written by hand: schema.prisma cannot describe an expression index, and Prisma's diff leaves indexes on
-- expressions alone, so tests/integration/migrations.test.ts still holds.

CREATE INDEX "milestones_title_fts" ON "milestones" USING GIN (to_tsvector('english'::regconfig, "title"));

CREATE INDEX "commitments_title_fts" ON "commitments" USING GIN (to_tsvector('english'::regconfig, "title"));

CREATE INDEX "status_updates_rationale_fts" ON "status_updates" USING GIN (to_tsvector('english'::regconfig, "rationale"));

CREATE INDEX "evidence_links_quote_fts" ON "evidence_links" USING GIN (to_tsvector('english'::regconfig, "quote"));

CREATE INDEX "observations_quote_fts" ON "observations" USING GIN (to_tsvector('english'::regconfig, "quote"));
