/** Inputs of the agreement commands (lib/data/commands/*-agreement.ts). */
import type { z } from "zod";
import { DEFAULT_SETTINGS } from "../types";
import { agreementFields, agreementKey, expectedVersion, inputObject, slugSchema } from "./fields";

export const createAgreementSchema = inputObject({
  slug: slugSchema,
  title: agreementFields.title,
  summary: agreementFields.summary,
  parties: agreementFields.parties,
  announced: agreementFields.announced,
  published: agreementFields.published.default(false),
  settings: agreementFields.settings.default(() => ({ ...DEFAULT_SETTINGS })),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

/**
 * Every editable field at once (a form saves all it shows). The slug is the agreement's public address and stays
 * as created; publishing has its own command, so that it is a deliberate act with its own audit event.
 */
export const updateAgreementSchema = inputObject({
  agreement: agreementKey,
  expectedVersion,
  title: agreementFields.title,
  summary: agreementFields.summary,
  parties: agreementFields.parties,
  announced: agreementFields.announced,
  settings: inputObject({
    staleAfterDays: agreementFields.staleAfterDays,
    warnBeforeDays: agreementFields.warnBeforeDays,
  }),
});
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const setAgreementPublishedSchema = inputObject({
  agreement: agreementKey,
  expectedVersion,
  published: agreementFields.published,
});
export type SetAgreementPublishedInput = z.infer<typeof setAgreementPublishedSchema>;
