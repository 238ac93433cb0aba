/**
 * Field schemas shared by the editing commands' inputs. The value rules are those of the interchange format
 * (spec/interchange.md, "Fields"): each field reuses the interchange schema of the same field, so that a value an
 * editor may type is exactly a value an import may carry, with the same messages.
 */
import { z } from "zod";
import { expectationMessage } from "../interchange/messages";
import {
  agreementSchema,
  commitmentSchema,
  deadlineChangeSchema,
  evidenceSchema,
  idSchema,
  indicatorSchema,
  milestoneSchema,
  observationSchema,
  settingsSchema,
  slugSchema,
  sourceSchema,
  statusUpdateSchema,
} from "../interchange/schema";

export { dateTextSchema, idSchema, slugSchema, urlSchema } from "../interchange/schema";

/** The error option of a schema: its messages read `expected <expected>, got <value>`, as the interchange's do. */
export function expecting(expected: string) {
  return { error: (issue: z.core.$ZodRawIssue) => expectationMessage(issue, expected) };
}

/** A strict object (an unknown field is an error, as in the interchange format). */
export function inputObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, expecting("an object"));
}

/** A list of distinct texts: the second of two equal entries is reported at its own index. */
export function distinctEntries(values: string[], ctx: z.core.$RefinementCtx<string[]>, what: string): void {
  values.forEach((value, index) => {
    const first = values.indexOf(value);
    if (first !== index) {
      ctx.addIssue({
        code: "custom",
        path: [index],
        input: value,
        message: `duplicate ${what} ${JSON.stringify(value)} (also at [${first}])`,
      });
    }
  });
}

// ---- Addresses: records are named by their interchange keys within the organisation ----

export const agreementKey = slugSchema;
export const commitmentKey = idSchema;
export const milestoneKey = idSchema;
export const indicatorKey = idSchema;
export const sourceKey = idSchema;

const evidenceIdExpected = expecting("the id of an evidence link");
/** Evidence links have no interchange key; they are named by their database id (a UUID), within the milestone. */
export const evidenceId = z.uuid(evidenceIdExpected);

const versionExpected = expecting("the version of the record as it was loaded (a whole number of at least 1)");
/** The version the form was loaded with: an update applies only if the record still has it. */
export const expectedVersion = z.int(versionExpected).min(1, versionExpected);

// ---- Values, from the interchange schemas ----

export const agreementFields = {
  title: agreementSchema.shape.title,
  summary: agreementSchema.shape.summary,
  /** Two distinct ISO codes; the interchange checks "distinct" across the document, here it is the field's. */
  parties: agreementSchema.shape.parties.superRefine((parties, ctx) => distinctEntries(parties, ctx, "party")),
  announced: agreementSchema.shape.announced,
  published: agreementSchema.shape.published,
  settings: settingsSchema,
  staleAfterDays: settingsSchema.shape.staleAfterDays.unwrap(),
  warnBeforeDays: settingsSchema.shape.warnBeforeDays.unwrap(),
};

export const commitmentFields = {
  title: commitmentSchema.shape.title,
  description: commitmentSchema.shape.description,
  responsible: commitmentSchema.shape.responsible,
  owner: commitmentSchema.shape.owner,
  tags: commitmentSchema.shape.tags.unwrap(),
  weight: commitmentSchema.shape.weight.unwrap(),
};

export const milestoneFields = {
  title: milestoneSchema.shape.title,
  owner: milestoneSchema.shape.owner,
  deadline: milestoneSchema.shape.deadline.unwrap(),
};

/** The sources a record cites: ids of the organisation's sources (checked by the command), none twice. */
export const citations = statusUpdateSchema.shape.sources.superRefine((ids, ctx) =>
  distinctEntries(ids, ctx, "source"),
);
export const citationsRequired = citations.refine((ids) => ids.length > 0, {
  message: "expected at least one source, got none",
});

export const statusUpdateFields = {
  on: statusUpdateSchema.shape.on,
  status: statusUpdateSchema.shape.status,
  rationale: statusUpdateSchema.shape.rationale,
};

export const deadlineChangeFields = {
  on: deadlineChangeSchema.shape.on,
  to: deadlineChangeSchema.shape.to,
  reason: deadlineChangeSchema.shape.reason,
};

export const sourceFields = {
  url: sourceSchema.shape.url.unwrap(),
  outlet: sourceSchema.shape.outlet,
  title: sourceSchema.shape.title,
  published: sourceSchema.shape.published,
  kind: sourceSchema.shape.kind,
};

export const evidenceFields = {
  source: sourceKey,
  stance: evidenceSchema.shape.stance,
  quote: evidenceSchema.shape.quote,
};

export const indicatorFields = {
  title: indicatorSchema.shape.title,
  unit: indicatorSchema.shape.unit,
  target: indicatorSchema.shape.target.unwrap(),
};

export const observationFields = {
  on: observationSchema.shape.on,
  value: observationSchema.shape.value,
  source: sourceKey,
  quote: observationSchema.shape.quote,
};

/** A reason given by the editor for the audit log (required where a change removes something). */
export const reasonText = deadlineChangeSchema.shape.reason;
