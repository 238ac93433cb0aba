/** Inputs of the evidence commands: a link between a source and a milestone, with its stance and quote. */
import type { z } from "zod";
import {
  agreementKey,
  commitmentKey,
  evidenceFields,
  evidenceId,
  expectedVersion,
  inputObject,
  milestoneKey,
  reasonText,
} from "./fields";

const milestoneAddress = { agreement: agreementKey, commitment: commitmentKey, milestone: milestoneKey };

export const linkEvidenceSchema = inputObject({
  ...milestoneAddress,
  source: evidenceFields.source,
  stance: evidenceFields.stance,
  quote: evidenceFields.quote,
});
export type LinkEvidenceInput = z.infer<typeof linkEvidenceSchema>;

/** The stance and quote of a link; to cite another source, remove the link and link that source. */
export const updateEvidenceSchema = inputObject({
  ...milestoneAddress,
  evidence: evidenceId,
  expectedVersion,
  stance: evidenceFields.stance,
  quote: evidenceFields.quote,
});
export type UpdateEvidenceInput = z.infer<typeof updateEvidenceSchema>;

/** Removing evidence changes what a milestone's health rests on: the audit event keeps the link and says why. */
export const removeEvidenceSchema = inputObject({
  ...milestoneAddress,
  evidence: evidenceId,
  expectedVersion,
  reason: reasonText,
});
export type RemoveEvidenceInput = z.infer<typeof removeEvidenceSchema>;
