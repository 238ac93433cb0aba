/**
 * Every editing command of the data layer, by name, with its input schema (lib/domain/schemas) and its function.
 * The authorization matrix and the schema property tests enumerate this list: a command missing from it is a
 * command nobody tests.
 *
 * The contract of every command, `(viewer, orgSlug, input: unknown) => Promise<result>`:
 * 1. `input` is parsed by the schema: ValidationError with messages by field path, nothing written;
 * 2. an organisation that does not exist or that the viewer may not read, and a record not in it, answer
 *    NotFoundError; a member who may not write (a reviewer) gets ForbiddenError (lib/auth/policy);
 * 3. one transaction: the change and exactly one audit event (before, after, reason), the version bumped;
 * 4. updates compare-and-set on `expectedVersion`: a stale one is a ConflictError naming who changed the record and
 *    when, carrying its current values; nothing is overwritten.
 * Results are plain objects (keys and the new version), nothing of Prisma's.
 */
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { commandSchemas, type CommandName } from "@/lib/domain/schemas";
import { createAgreement } from "./create-agreement";
import { createCommitment } from "./create-commitment";
import { createIndicator } from "./create-indicator";
import { createMilestone } from "./create-milestone";
import { createSource } from "./create-source";
import { linkEvidence } from "./link-evidence";
import { moveMilestone } from "./move-milestone";
import { recordDeadlineChange } from "./record-deadline-change";
import { recordObservation } from "./record-observation";
import { recordStatusUpdate } from "./record-status-update";
import { removeEvidence } from "./remove-evidence";
import { setAgreementPublished } from "./set-agreement-published";
import { updateAgreement } from "./update-agreement";
import { updateCommitment } from "./update-commitment";
import { updateEvidence } from "./update-evidence";
import { updateMilestone } from "./update-milestone";
import { updateSource } from "./update-source";

export {
  createAgreement,
  createCommitment,
  createIndicator,
  createMilestone,
  createSource,
  linkEvidence,
  moveMilestone,
  recordDeadlineChange,
  recordObservation,
  recordStatusUpdate,
  removeEvidence,
  setAgreementPublished,
  updateAgreement,
  updateCommitment,
  updateEvidence,
  updateMilestone,
  updateSource,
};
export type { AgreementRef } from "./create-agreement";
export type { CommitmentRef } from "./create-commitment";
export type { IndicatorRef } from "./create-indicator";
export type { MilestoneRef } from "./create-milestone";
export type { SourceRef } from "./create-source";
export type { EvidenceRef } from "./link-evidence";
export type { RemovedEvidence } from "./remove-evidence";

export type CommandFunction = (viewer: Viewer, orgSlug: string, input: unknown) => Promise<unknown>;

export interface Command {
  readonly name: CommandName;
  readonly schema: z.ZodType;
  readonly run: CommandFunction;
}

const functions: Record<CommandName, CommandFunction> = {
  createAgreement,
  updateAgreement,
  setAgreementPublished,
  createCommitment,
  updateCommitment,
  createMilestone,
  updateMilestone,
  moveMilestone,
  recordStatusUpdate,
  recordDeadlineChange,
  createSource,
  updateSource,
  linkEvidence,
  updateEvidence,
  removeEvidence,
  createIndicator,
  recordObservation,
};

/** Every command, in the order of commandSchemas. */
export const commands: readonly Command[] = (Object.keys(commandSchemas) as CommandName[]).map((name) => ({
  name,
  schema: commandSchemas[name],
  run: functions[name],
}));
