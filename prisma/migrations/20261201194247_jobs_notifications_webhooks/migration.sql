-- CreateEnum
CREATE TYPE "health" AS ENUM ('ON_TRACK', 'AT_RISK', 'STALLED', 'DONE', 'PARTIAL', 'BROKEN');

-- CreateEnum
CREATE TYPE "email_state" AS ENUM ('NONE', 'PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "delivery_state" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "locale" TEXT;

-- CreateTable
CREATE TABLE "health_evaluations" (
    "agreement_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "last_day" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "health_evaluations_pkey" PRIMARY KEY ("agreement_id")
);

-- CreateTable
CREATE TABLE "health_transitions" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "commitment_id" UUID NOT NULL,
    "milestone_id" UUID,
    "record_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "from_health" "health",
    "health" "health" NOT NULL,
    "flags" JSONB NOT NULL,
    "texts" JSONB NOT NULL,
    "change_id" TEXT NOT NULL,
    "evaluated_on" DATE NOT NULL,
    "baseline" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "transition_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "email_state" "email_state" NOT NULL DEFAULT 'NONE',
    "emailed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "include_drafts" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "transition_id" UUID NOT NULL,
    "state" "delivery_state" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "health_evaluations_organisation_id_idx" ON "health_evaluations"("organisation_id");

-- CreateIndex
CREATE INDEX "health_transitions_organisation_id_day_idx" ON "health_transitions"("organisation_id", "day");

-- CreateIndex
CREATE INDEX "health_transitions_agreement_id_day_idx" ON "health_transitions"("agreement_id", "day");

-- CreateIndex
CREATE INDEX "health_transitions_commitment_id_idx" ON "health_transitions"("commitment_id");

-- CreateIndex
CREATE INDEX "health_transitions_milestone_id_idx" ON "health_transitions"("milestone_id");

-- CreateIndex
CREATE UNIQUE INDEX "health_transitions_record_id_day_key" ON "health_transitions"("record_id", "day");

-- CreateIndex
CREATE INDEX "notifications_organisation_id_user_id_created_at_idx" ON "notifications"("organisation_id", "user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_transition_id_idx" ON "notifications"("transition_id");

-- CreateIndex
CREATE INDEX "notifications_email_state_idx" ON "notifications"("email_state");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_transition_id_key" ON "notifications"("user_id", "transition_id");

-- CreateIndex
CREATE INDEX "webhook_endpoints_organisation_id_idx" ON "webhook_endpoints"("organisation_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_organisation_id_created_at_idx" ON "webhook_deliveries"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_transition_id_idx" ON "webhook_deliveries"("transition_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_state_idx" ON "webhook_deliveries"("state");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_transition_id_key" ON "webhook_deliveries"("endpoint_id", "transition_id");

-- AddForeignKey
ALTER TABLE "health_evaluations" ADD CONSTRAINT "health_evaluations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_evaluations" ADD CONSTRAINT "health_evaluations_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_transitions" ADD CONSTRAINT "health_transitions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_transitions" ADD CONSTRAINT "health_transitions_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_transitions" ADD CONSTRAINT "health_transitions_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_transitions" ADD CONSTRAINT "health_transitions_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_transition_id_fkey" FOREIGN KEY ("transition_id") REFERENCES "health_transitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_transition_id_fkey" FOREIGN KEY ("transition_id") REFERENCES "health_transitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
