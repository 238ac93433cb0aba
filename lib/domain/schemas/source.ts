/** Inputs of the source commands: a source is the organisation's, named by its interchange id. */
import type { z } from "zod";
import { expectedVersion, idSchema, inputObject, sourceFields, sourceKey } from "./fields";

export const createSourceSchema = inputObject({
  id: idSchema,
  /** Left out when not known; never guessed. */
  url: sourceFields.url.optional(),
  outlet: sourceFields.outlet,
  title: sourceFields.title,
  published: sourceFields.published,
  kind: sourceFields.kind,
});
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

/** Every editable field at once; `url` null or left out: not known. The id stays as created (records cite it). */
export const updateSourceSchema = inputObject({
  source: sourceKey,
  expectedVersion,
  url: sourceFields.url.nullable().optional(),
  outlet: sourceFields.outlet,
  title: sourceFields.title,
  published: sourceFields.published,
  kind: sourceFields.kind,
});
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;
