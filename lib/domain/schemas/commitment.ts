/** Inputs of the commitment commands. `responsible` is checked against the agreement's parties by the command. */
import type { z } from "zod";
import { agreementKey, commitmentFields, commitmentKey, expectedVersion, idSchema, inputObject } from "./fields";

export const createCommitmentSchema = inputObject({
  agreement: agreementKey,
  id: idSchema,
  title: commitmentFields.title,
  description: commitmentFields.description.default(""),
  responsible: commitmentFields.responsible,
  owner: commitmentFields.owner,
  tags: commitmentFields.tags.default(() => []),
  weight: commitmentFields.weight.default(1),
});
export type CreateCommitmentInput = z.infer<typeof createCommitmentSchema>;

/** Every editable field at once; the id is the commitment's address and stays as created. */
export const updateCommitmentSchema = inputObject({
  agreement: agreementKey,
  commitment: commitmentKey,
  expectedVersion,
  title: commitmentFields.title,
  description: commitmentFields.description,
  responsible: commitmentFields.responsible,
  owner: commitmentFields.owner,
  tags: commitmentFields.tags,
  weight: commitmentFields.weight,
});
export type UpdateCommitmentInput = z.infer<typeof updateCommitmentSchema>;
