-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'EDITOR', 'REVIEWER');

-- CreateEnum
CREATE TYPE "date_precision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "status" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'PARTIAL', 'ABANDONED');

-- CreateEnum
CREATE TYPE "stance" AS ENUM ('SUPPORTS', 'INDICATES_DELAY', 'CONTRADICTS', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('OFFICIAL_DOCUMENT', 'STATEMENT', 'MEDIA_REPORT', 'LEAK', 'DATA', 'PARLIAMENTARY_RECORD');

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreements" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "party_a" TEXT NOT NULL,
    "party_b" TEXT NOT NULL,
    "announced_date" DATE NOT NULL,
    "announced_precision" "date_precision" NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "stale_after_days" INTEGER NOT NULL DEFAULT 45,
    "warn_before_days" INTEGER NOT NULL DEFAULT 14,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "url" TEXT,
    "outlet" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_date" DATE NOT NULL,
    "published_precision" "date_precision" NOT NULL,
    "kind" "source_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitments" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "tags" TEXT[],
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commitments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "commitment_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "deadline_date" DATE,
    "deadline_precision" "date_precision",
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_updates" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "milestone_id" UUID NOT NULL,
    "on_date" DATE NOT NULL,
    "on_precision" "date_precision" NOT NULL,
    "status" "status" NOT NULL,
    "rationale" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_update_sources" (
    "organisation_id" UUID NOT NULL,
    "status_update_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "status_update_sources_pkey" PRIMARY KEY ("status_update_id","position")
);

-- CreateTable
CREATE TABLE "deadline_changes" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "milestone_id" UUID NOT NULL,
    "on_date" DATE NOT NULL,
    "on_precision" "date_precision" NOT NULL,
    "to_date" DATE NOT NULL,
    "to_precision" "date_precision" NOT NULL,
    "reason" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_change_sources" (
    "organisation_id" UUID NOT NULL,
    "deadline_change_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "deadline_change_sources_pkey" PRIMARY KEY ("deadline_change_id","position")
);

-- CreateTable
CREATE TABLE "evidence_links" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "milestone_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "stance" "stance" NOT NULL,
    "quote" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicators" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "commitment_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observations" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "on_date" DATE NOT NULL,
    "on_precision" "date_precision" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source_id" UUID NOT NULL,
    "quote" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "organisation_id" UUID,
    "actor_user_id" UUID,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_organisation_id_user_id_key" ON "memberships"("organisation_id", "user_id");

-- CreateIndex
CREATE INDEX "agreements_organisation_id_published_idx" ON "agreements"("organisation_id", "published");

-- CreateIndex
CREATE UNIQUE INDEX "agreements_organisation_id_slug_key" ON "agreements"("organisation_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "sources_organisation_id_key_key" ON "sources"("organisation_id", "key");

-- CreateIndex
CREATE INDEX "commitments_agreement_id_position_idx" ON "commitments"("agreement_id", "position");

-- CreateIndex
CREATE INDEX "commitments_organisation_id_idx" ON "commitments"("organisation_id");

-- CreateIndex
CREATE INDEX "commitments_tags_idx" ON "commitments" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "commitments_agreement_id_key_key" ON "commitments"("agreement_id", "key");

-- CreateIndex
CREATE INDEX "milestones_commitment_id_position_idx" ON "milestones"("commitment_id", "position");

-- CreateIndex
CREATE INDEX "milestones_organisation_id_idx" ON "milestones"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "milestones_commitment_id_key_key" ON "milestones"("commitment_id", "key");

-- CreateIndex
CREATE INDEX "status_updates_milestone_id_on_date_position_idx" ON "status_updates"("milestone_id", "on_date", "position");

-- CreateIndex
CREATE INDEX "status_updates_organisation_id_on_date_idx" ON "status_updates"("organisation_id", "on_date");

-- CreateIndex
CREATE INDEX "status_update_sources_source_id_idx" ON "status_update_sources"("source_id");

-- CreateIndex
CREATE INDEX "status_update_sources_organisation_id_idx" ON "status_update_sources"("organisation_id");

-- CreateIndex
CREATE INDEX "deadline_changes_milestone_id_on_date_position_idx" ON "deadline_changes"("milestone_id", "on_date", "position");

-- CreateIndex
CREATE INDEX "deadline_changes_organisation_id_on_date_idx" ON "deadline_changes"("organisation_id", "on_date");

-- CreateIndex
CREATE INDEX "deadline_change_sources_source_id_idx" ON "deadline_change_sources"("source_id");

-- CreateIndex
CREATE INDEX "deadline_change_sources_organisation_id_idx" ON "deadline_change_sources"("organisation_id");

-- CreateIndex
CREATE INDEX "evidence_links_milestone_id_position_idx" ON "evidence_links"("milestone_id", "position");

-- CreateIndex
CREATE INDEX "evidence_links_source_id_idx" ON "evidence_links"("source_id");

-- CreateIndex
CREATE INDEX "evidence_links_organisation_id_idx" ON "evidence_links"("organisation_id");

-- CreateIndex
CREATE INDEX "indicators_commitment_id_position_idx" ON "indicators"("commitment_id", "position");

-- CreateIndex
CREATE INDEX "indicators_organisation_id_idx" ON "indicators"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicators_commitment_id_key_key" ON "indicators"("commitment_id", "key");

-- CreateIndex
CREATE INDEX "observations_indicator_id_on_date_position_idx" ON "observations"("indicator_id", "on_date", "position");

-- CreateIndex
CREATE INDEX "observations_source_id_idx" ON "observations"("source_id");

-- CreateIndex
CREATE INDEX "observations_organisation_id_idx" ON "observations"("organisation_id");

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_created_at_idx" ON "audit_events"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_user_id_idx" ON "audit_events"("actor_user_id");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_update_sources" ADD CONSTRAINT "status_update_sources_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_update_sources" ADD CONSTRAINT "status_update_sources_status_update_id_fkey" FOREIGN KEY ("status_update_id") REFERENCES "status_updates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_update_sources" ADD CONSTRAINT "status_update_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_change_sources" ADD CONSTRAINT "deadline_change_sources_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_change_sources" ADD CONSTRAINT "deadline_change_sources_deadline_change_id_fkey" FOREIGN KEY ("deadline_change_id") REFERENCES "deadline_changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_change_sources" ADD CONSTRAINT "deadline_change_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observations" ADD CONSTRAINT "observations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observations" ADD CONSTRAINT "observations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
