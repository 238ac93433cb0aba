/**
 * The input schema of every editing command, by command name (lib/data/commands/index.ts pairs each with its
 * function). Shared by the forms, the server actions and the data layer.
 */
import { createAgreementSchema, setAgreementPublishedSchema, updateAgreementSchema } from "./agreement";
import { createCommitmentSchema, updateCommitmentSchema } from "./commitment";
import { linkEvidenceSchema, removeEvidenceSchema, updateEvidenceSchema } from "./evidence";
import { createIndicatorSchema, recordObservationSchema } from "./indicator";
import {
  createMilestoneSchema,
  moveMilestoneSchema,
  recordDeadlineChangeSchema,
  recordStatusUpdateSchema,
  updateMilestoneSchema,
} from "./milestone";
import { createSourceSchema, updateSourceSchema } from "./source";

export * from "./agreement";
export * from "./commitment";
export * from "./evidence";
export * from "./indicator";
export * from "./milestone";
export * from "./source";
export { addFieldError, fieldErrorsOf, parseInput, type FieldErrors, type ParsedInput } from "./parse";

export const commandSchemas = {
  createAgreement: createAgreementSchema,
  updateAgreement: updateAgreementSchema,
  setAgreementPublished: setAgreementPublishedSchema,
  createCommitment: createCommitmentSchema,
  updateCommitment: updateCommitmentSchema,
  createMilestone: createMilestoneSchema,
  updateMilestone: updateMilestoneSchema,
  moveMilestone: moveMilestoneSchema,
  recordStatusUpdate: recordStatusUpdateSchema,
  recordDeadlineChange: recordDeadlineChangeSchema,
  createSource: createSourceSchema,
  updateSource: updateSourceSchema,
  linkEvidence: linkEvidenceSchema,
  updateEvidence: updateEvidenceSchema,
  removeEvidence: removeEvidenceSchema,
  createIndicator: createIndicatorSchema,
  recordObservation: recordObservationSchema,
} as const;

export type CommandName = keyof typeof commandSchemas;
