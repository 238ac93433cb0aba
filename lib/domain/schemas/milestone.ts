/** Inputs of the milestone commands: its fields, its order, and the history appended to it. */
import { z } from "zod";
import {
  agreementKey,
  citations,
  citationsRequired,
  commitmentKey,
  deadlineChangeFields,
  expectedVersion,
  expecting,
  idSchema,
  inputObject,
  milestoneFields,
  milestoneKey,
  statusUpdateFields,
} from "./fields";

const milestoneAddress = { agreement: agreementKey, commitment: commitmentKey, milestone: milestoneKey };

export const createMilestoneSchema = inputObject({
  agreement: agreementKey,
  commitment: commitmentKey,
  id: idSchema,
  title: milestoneFields.title,
  owner: milestoneFields.owner,
  deadline: milestoneFields.deadline.optional(),
});
export type CreateMilestoneInput = z.infer<typeof createMilestoneSchema>;

/**
 * Every editable field at once. `deadline` is the original deadline (null: none was stated); correcting it is an
 * edit, while a deadline that moved is a deadline change (recordDeadlineChange), so that its history is kept.
 */
export const updateMilestoneSchema = inputObject({
  ...milestoneAddress,
  expectedVersion,
  title: milestoneFields.title,
  owner: milestoneFields.owner,
  deadline: milestoneFields.deadline.nullable(),
});
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;

const positionExpected = expecting("a position in the commitment's list, from 0");
export const moveMilestoneSchema = inputObject({
  ...milestoneAddress,
  expectedVersion,
  /** The milestone's place in its commitment's list after the move, from 0; the others keep their order. */
  position: z.int(positionExpected).min(0, positionExpected),
});
export type MoveMilestoneInput = z.infer<typeof moveMilestoneSchema>;

/**
 * A status set on a date. Appended: history is never edited. `expectedVersion` (of the milestone) is optional:
 * given, the update is refused when someone changed the milestone since the form was loaded.
 */
export const recordStatusUpdateSchema = inputObject({
  ...milestoneAddress,
  expectedVersion: expectedVersion.optional(),
  on: statusUpdateFields.on,
  status: statusUpdateFields.status,
  rationale: statusUpdateFields.rationale,
  sources: citations,
}).superRefine(
  (update, ctx) => {
    if (update.status !== "NOT_STARTED" && update.sources.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["sources"],
        input: update.sources,
        message: `expected at least one source: a status of ${update.status} cites what it relies on`,
      });
    }
  },
  // Runs as soon as status and sources are valid, so that the form shows this beside the other fields' errors.
  { when: (payload) => statusAndSourcesValid(payload.value) },
);
export type RecordStatusUpdateInput = z.infer<typeof recordStatusUpdateSchema>;

function statusAndSourcesValid(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { status, sources } = value as { status?: unknown; sources?: unknown };
  return statusUpdateFields.status.safeParse(status).success && citations.safeParse(sources).success;
}

/** A deadline that moved: when it was made known, the new deadline, why, and the sources saying so. */
export const recordDeadlineChangeSchema = inputObject({
  ...milestoneAddress,
  expectedVersion: expectedVersion.optional(),
  on: deadlineChangeFields.on,
  to: deadlineChangeFields.to,
  reason: deadlineChangeFields.reason,
  sources: citationsRequired,
});
export type RecordDeadlineChangeInput = z.infer<typeof recordDeadlineChangeSchema>;
