/**
 * What every editing command does the same way (the contract in index.ts): parse the input, find the
 * organisation and check the policy, find records by their interchange keys with the tenant in every `where`,
 * compare-and-set on `version`, and turn a lost race into a ConflictError naming who changed the record and when.
 */
import type { z } from "zod";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDay, parseDateText } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/schemas/parse";
import type { PreciseDate } from "@/lib/domain/types";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { fromDay } from "../mappers";
import { indicatorValues, milestoneValues } from "./values";

export type Tx = Prisma.TransactionClient;

export interface WritableOrganisation {
  readonly id: string;
  readonly slug: string;
}

export interface CommandContext<T> {
  readonly tx: Tx;
  readonly viewer: Viewer;
  readonly organisation: WritableOrganisation;
  readonly input: T;
}

/**
 * Runs one command: parses `input` (ValidationError, nothing written), then in ONE transaction finds the
 * organisation, checks the policy and calls `write`, which makes the change and records its one audit event.
 * Any error thrown by `write` rolls the whole transaction back.
 */
export async function runCommand<S extends z.ZodType, R>(
  viewer: Viewer,
  orgSlug: string,
  schema: S,
  input: unknown,
  write: (context: CommandContext<z.output<S>>) => Promise<R>,
): Promise<R> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const organisation = await writableOrganisation(tx, viewer, orgSlug);
      return write({ tx, viewer, organisation, input: parsed.data });
    },
    // PGlite runs one transaction at a time: leave room for a queue of them before giving up.
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/**
 * The organisation, when the viewer may write in it. One the viewer may not even read answers exactly as one that
 * does not exist (NotFoundError), so that nobody learns which organisations exist; a member who may read but not
 * write (a reviewer) gets ForbiddenError.
 */
export async function writableOrganisation(tx: Tx, viewer: Viewer, slug: string): Promise<WritableOrganisation> {
  return getWorkspaceOrganisationOrThrow(tx, viewer, slug, "organisation:write");
}

// ---- Finding records by their keys, within the organisation ----

export async function findAgreementOrThrow(tx: Tx, organisationId: string, slug: string) {
  const agreement = await tx.agreement.findFirst({ where: { organisationId, slug } });
  if (agreement === null) throw new NotFoundError(`There is no agreement "${slug}".`);
  return agreement;
}

export async function findCommitmentOrThrow(tx: Tx, organisationId: string, agreement: string, commitment: string) {
  const row = await tx.commitment.findFirst({
    where: { organisationId, key: commitment, agreement: { organisationId, slug: agreement } },
    include: { agreement: { select: { partyA: true, partyB: true } } },
  });
  if (row === null) throw new NotFoundError(`There is no commitment "${commitment}" in the agreement "${agreement}".`);
  return row;
}

export interface MilestoneAddress {
  readonly agreement: string;
  readonly commitment: string;
  readonly milestone: string;
}

export async function findMilestoneOrThrow(tx: Tx, organisationId: string, address: MilestoneAddress) {
  const row = await tx.milestone.findFirst({
    where: {
      organisationId,
      key: address.milestone,
      commitment: { organisationId, key: address.commitment, agreement: { organisationId, slug: address.agreement } },
    },
  });
  if (row === null) {
    throw new NotFoundError(
      `There is no milestone "${address.milestone}" in the commitment "${address.commitment}" of the agreement ` +
        `"${address.agreement}".`,
    );
  }
  return row;
}

export async function findIndicatorOrThrow(
  tx: Tx,
  organisationId: string,
  address: { readonly agreement: string; readonly commitment: string; readonly indicator: string },
) {
  const row = await tx.indicator.findFirst({
    where: {
      organisationId,
      key: address.indicator,
      commitment: { organisationId, key: address.commitment, agreement: { organisationId, slug: address.agreement } },
    },
  });
  if (row === null) {
    throw new NotFoundError(
      `There is no indicator "${address.indicator}" in the commitment "${address.commitment}" of the agreement ` +
        `"${address.agreement}".`,
    );
  }
  return row;
}

export async function findSourceOrThrow(tx: Tx, organisationId: string, key: string) {
  const row = await tx.source.findFirst({ where: { organisationId, key } });
  if (row === null) throw new NotFoundError(`There is no source "${key}".`);
  return row;
}

export async function findEvidenceOrThrow(tx: Tx, organisationId: string, milestoneId: string, id: string) {
  const row = await tx.evidenceLink.findFirst({
    where: { id, organisationId, milestoneId },
    include: { source: { select: { key: true } } },
  });
  if (row === null) throw new NotFoundError(`There is no such evidence link on this milestone.`);
  return row;
}

/**
 * The database ids of cited sources, in the order given. A source the organisation does not have is a field error
 * at `field[index]`, worded the same whether or not another organisation has a source of that id.
 */
export async function sourceIdsOrThrow(
  tx: Tx,
  organisationId: string,
  keys: readonly string[],
  field: string,
): Promise<string[]> {
  return resolveSources(tx, organisationId, keys, (index) => `${field}[${index}]`);
}

/** The database id of one cited source (a field error at `field` when the organisation does not have it). */
export async function sourceIdOrThrow(tx: Tx, organisationId: string, key: string, field: string): Promise<string> {
  const [id = ""] = await resolveSources(tx, organisationId, [key], () => field);
  return id;
}

async function resolveSources(
  tx: Tx,
  organisationId: string,
  keys: readonly string[],
  pathOf: (index: number) => string,
): Promise<string[]> {
  const rows = await tx.source.findMany({
    where: { organisationId, key: { in: [...keys] } },
    select: { id: true, key: true },
  });
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  const errors: Record<string, string[]> = {};
  const resolved: string[] = [];
  keys.forEach((key, index) => {
    const id = ids.get(key);
    if (id === undefined) errors[pathOf(index)] = [`there is no source ${JSON.stringify(key)}: add it first`];
    else resolved.push(id);
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return resolved;
}

/** The next free position at the end of a list. */
export function nextPosition(max: number | null | undefined): number {
  return max === null || max === undefined ? 0 : max + 1;
}

/** The two date columns of a date text that the schema has checked. */
export function dateColumns(text: string): { date: Date; precision: PreciseDate["precision"] } {
  const parsed = parseDateText(text);
  // dateTextSchema accepted it, so this cannot happen; a clear error rather than a wrong date if it ever does.
  if (parsed === null) throw new Error(`not a date: ${JSON.stringify(text)}`);
  return { date: fromDay(parsed.date), precision: parsed.precision };
}

/** True for a unique-constraint violation (two writers creating the same key at once). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

// ---- Lost updates ----

/** "23 November 2025, 14:05 UTC". */
export function formatTimestamp(date: Date): string {
  const iso = date.toISOString();
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/**
 * The ConflictError of a compare-and-set that found another version: names who changed the record last and when
 * (its latest audit event) and carries its current values for the form.
 */
export async function conflictError<T>(
  tx: Tx,
  organisationId: string,
  entity: { readonly type: string; readonly id: string },
  current: T,
): Promise<ConflictError<T>> {
  const latest = await tx.auditEvent.findFirst({
    where: { organisationId, entityType: entity.type, entityId: entity.id },
    orderBy: { id: "desc" },
    select: { actor: true, createdAt: true },
  });
  if (latest === null) {
    return new ConflictError("This record was changed since you loaded it; reload to see the current values.", {
      current,
    });
  }
  return new ConflictError(
    `Changed by ${latest.actor} at ${formatTimestamp(latest.createdAt)}; reload to see the current values.`,
    { current, changedBy: latest.actor, changedAt: latest.createdAt },
  );
}

/**
 * Compare-and-set: `update` must write with `version: expectedVersion` in its `where` and bump the version. When it
 * matched nothing, the record moved on: throws the ConflictError (the transaction rolls back, nothing is written).
 */
export async function compareAndSet<T>(
  tx: Tx,
  organisationId: string,
  entity: { readonly type: string; readonly id: string },
  update: () => Promise<{ count: number }>,
  current: () => Promise<T>,
): Promise<void> {
  const { count } = await update();
  if (count === 1) return;
  throw await conflictError(tx, organisationId, entity, await current());
}

/**
 * Bumps the version of a milestone whose history grows (a status update, a deadline change); with
 * `expectedVersion`, only if it still has that version (else ConflictError). Returns the new version.
 */
export async function bumpMilestone(
  tx: Tx,
  organisationId: string,
  milestone: { readonly id: string },
  data: MilestoneAddress & { readonly expectedVersion?: number | undefined },
): Promise<number> {
  await compareAndSet(
    tx,
    organisationId,
    { type: "milestone", id: milestone.id },
    () =>
      tx.milestone.updateMany({
        where: { id: milestone.id, organisationId, ...versionCondition(data.expectedVersion) },
        data: { version: { increment: 1 } },
      }),
    async () => milestoneValues(await findMilestoneOrThrow(tx, organisationId, data)),
  );
  const { version } = await tx.milestone.findFirstOrThrow({
    where: { id: milestone.id, organisationId },
    select: { version: true },
  });
  return version;
}

/** As bumpMilestone, for an indicator given an observation. */
export async function bumpIndicator(
  tx: Tx,
  organisationId: string,
  indicator: { readonly id: string },
  data: { readonly agreement: string; readonly commitment: string; readonly indicator: string } & {
    readonly expectedVersion?: number | undefined;
  },
): Promise<number> {
  await compareAndSet(
    tx,
    organisationId,
    { type: "indicator", id: indicator.id },
    () =>
      tx.indicator.updateMany({
        where: { id: indicator.id, organisationId, ...versionCondition(data.expectedVersion) },
        data: { version: { increment: 1 } },
      }),
    async () => indicatorValues(await findIndicatorOrThrow(tx, organisationId, data)),
  );
  const { version } = await tx.indicator.findFirstOrThrow({
    where: { id: indicator.id, organisationId },
    select: { version: true },
  });
  return version;
}

/** Appends check the version only when the form sent the one it was loaded with. */
function versionCondition(expectedVersion: number | undefined): { version?: number } {
  return expectedVersion === undefined ? {} : { version: expectedVersion };
}
