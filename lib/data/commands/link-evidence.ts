import type { Viewer } from "@/lib/auth/viewer";
import { linkEvidenceSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { findEvidenceOrThrow, findMilestoneOrThrow, nextPosition, runCommand, sourceIdOrThrow } from "./shared";
import { evidenceValues } from "./values";

export interface EvidenceRef {
  readonly agreement: string;
  readonly commitment: string;
  readonly milestone: string;
  /** The link's id: evidence links have no interchange key. */
  readonly evidence: string;
  readonly version: number;
}

/**
 * Links a source to a milestone with the quote relied on and its stance. The link is a record of its own (it has
 * its own version), so linking does not change the milestone's version.
 */
export async function linkEvidence(viewer: Viewer, orgSlug: string, input: unknown): Promise<EvidenceRef> {
  return runCommand(viewer, orgSlug, linkEvidenceSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const milestone = await findMilestoneOrThrow(tx, organisationId, data);
    const sourceId = await sourceIdOrThrow(tx, organisationId, data.source, "source");
    const last = await tx.evidenceLink.aggregate({
      where: { organisationId, milestoneId: milestone.id },
      _max: { position: true },
    });
    const { id } = await tx.evidenceLink.create({
      data: {
        organisationId,
        milestoneId: milestone.id,
        sourceId,
        stance: data.stance,
        quote: data.quote,
        position: nextPosition(last._max.position),
      },
      select: { id: true },
    });
    const link = await findEvidenceOrThrow(tx, organisationId, milestone.id, id);
    await recordAudit(tx, viewer, {
      organisationId,
      action: "evidence.link",
      entityType: "evidence",
      entityId: link.id,
      after: {
        agreement: data.agreement,
        commitment: data.commitment,
        milestone: data.milestone,
        ...evidenceValues(link),
      },
    });
    return { ...milestoneAddressOf(data), evidence: link.id, version: link.version };
  });
}

export function milestoneAddressOf(data: { agreement: string; commitment: string; milestone: string }) {
  return { agreement: data.agreement, commitment: data.commitment, milestone: data.milestone };
}
