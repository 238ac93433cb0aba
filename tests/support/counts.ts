import type { PrismaClient } from "@/lib/db/client";

/** Row counts of every table an import or a command may write: "the database unchanged" in one comparable value. */
export async function rowCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  return {
    organisations: await prisma.organisation.count(),
    agreements: await prisma.agreement.count(),
    sources: await prisma.source.count(),
    commitments: await prisma.commitment.count(),
    milestones: await prisma.milestone.count(),
    statusUpdates: await prisma.statusUpdate.count(),
    statusUpdateSources: await prisma.statusUpdateSource.count(),
    deadlineChanges: await prisma.deadlineChange.count(),
    deadlineChangeSources: await prisma.deadlineChangeSource.count(),
    evidenceLinks: await prisma.evidenceLink.count(),
    indicators: await prisma.indicator.count(),
    observations: await prisma.observation.count(),
    auditEvents: await prisma.auditEvent.count(),
  };
}
