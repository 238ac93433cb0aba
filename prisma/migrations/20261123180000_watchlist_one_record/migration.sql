-- A watchlist entry names exactly one record: a commitment or a milestone (schema.prisma, WatchlistEntry). The next
-- migration replaces the unique index over (user, commitment, milestone), which never refused a duplicate because
-- every row has a null in it, with one index over (user, commitment) and one over (user, milestone); those are only
-- enough when no row sets both columns or neither, which this constraint holds.
--
-- Written by hand: schema.prisma cannot describe a CHECK constraint (Prisma's documented "customize a migration"
-- case), and Prisma's diff ignores CHECK constraints, so tests/integration/migrations.test.ts still holds.

-- Duplicates made before the unique indexes existed (two `watch` calls racing): keep each member's oldest entry for a
-- record, so that the indexes of the next migration can be built. They are bookmarks with nothing else hanging on
-- them; their audit events stay.
DELETE FROM "watchlist_entries" AS "later"
  USING "watchlist_entries" AS "earlier"
  WHERE "later"."user_id" = "earlier"."user_id"
    AND "later"."commitment_id" IS NOT DISTINCT FROM "earlier"."commitment_id"
    AND "later"."milestone_id" IS NOT DISTINCT FROM "earlier"."milestone_id"
    AND ("later"."created_at", "later"."id") > ("earlier"."created_at", "earlier"."id");

ALTER TABLE "watchlist_entries" ADD CONSTRAINT "watchlist_entries_one_record"
  CHECK (("commitment_id" IS NULL) <> ("milestone_id" IS NULL));
