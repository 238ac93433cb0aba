-- DropIndex
DROP INDEX "watchlist_entries_user_id_commitment_id_milestone_id_key";

-- CreateIndex
CREATE UNIQUE INDEX "watchlist_entries_user_id_commitment_id_key" ON "watchlist_entries"("user_id", "commitment_id");

-- CreateIndex
CREATE UNIQUE INDEX "watchlist_entries_user_id_milestone_id_key" ON "watchlist_entries"("user_id", "milestone_id");
