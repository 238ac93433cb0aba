/**
 * Import of an accordwatch/v1 dataset into an organisation (spec/interchange.md, "Import behaviour"): all or
 * nothing in one transaction, with one audit event saying who imported what. The dataset has been validated by
 * lib/domain/interchange.ts already; this only writes it. checkImportDocument says what an import would do, writing
 * nothing.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Agreement, Dataset, PreciseDate } from "@/lib/domain/types";
import { parseInterchangeText, type InterchangeIssue } from "@/lib/domain/interchange";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { getWorkspaceOrganisationOrThrow } from "./workspace";
import { fromDay } from "./mappers";

export interface ImportOptions {
  /** Replace agreements whose slug already exists instead of refusing the import. */
  replace?: boolean;
  /** Name of the organisation when the import creates it (default: its slug). */
  organisationName?: string;
}

export interface ImportResult {
  organisationCreated: boolean;
  agreements: number;
  /** The slugs of the agreements imported, in the document's order. */
  imported: string[];
  replaced: string[];
  sources: number;
}

function sortedSlugs(agreements: readonly { slug: string }[]): string[] {
  return agreements.map((a) => a.slug).sort();
}

const dateColumns = (d: PreciseDate) => ({ date: fromDay(d.date), precision: d.precision });

function emptyRows() {
  return {
    agreements: [] as Prisma.AgreementCreateManyInput[],
    commitments: [] as Prisma.CommitmentCreateManyInput[],
    milestones: [] as Prisma.MilestoneCreateManyInput[],
    statusUpdates: [] as Prisma.StatusUpdateCreateManyInput[],
    statusUpdateSources: [] as Prisma.StatusUpdateSourceCreateManyInput[],
    deadlineChanges: [] as Prisma.DeadlineChangeCreateManyInput[],
    deadlineChangeSources: [] as Prisma.DeadlineChangeSourceCreateManyInput[],
    evidenceLinks: [] as Prisma.EvidenceLinkCreateManyInput[],
    indicators: [] as Prisma.IndicatorCreateManyInput[],
    observations: [] as Prisma.ObservationCreateManyInput[],
  };
}
type Rows = ReturnType<typeof emptyRows>;

/** Adds the rows of one agreement's tree to `rows`; ids are made here so that each level is one createMany. */
function addAgreementRows(
  rows: Rows,
  organisationId: string,
  agreement: Agreement,
  sourceIds: ReadonlyMap<string, string>,
): void {
  const sourceId = (key: string): string => {
    const id = sourceIds.get(key);
    // The interchange validation guarantees every cited source exists in the document.
    if (id === undefined) throw new Error(`source ${key} missing from the import`);
    return id;
  };
  const agreementId = randomUUID();
  rows.agreements.push({
    id: agreementId,
    organisationId,
    slug: agreement.slug,
    title: agreement.title,
    summary: agreement.summary,
    partyA: agreement.parties[0],
    partyB: agreement.parties[1],
    announcedDate: dateColumns(agreement.announced).date,
    announcedPrecision: agreement.announced.precision,
    published: agreement.published,
    staleAfterDays: agreement.settings.staleAfterDays,
    warnBeforeDays: agreement.settings.warnBeforeDays,
  });
  agreement.commitments.forEach((commitment, commitmentPosition) => {
    const commitmentId = randomUUID();
    rows.commitments.push({
      id: commitmentId,
      organisationId,
      agreementId,
      key: commitment.id,
      title: commitment.title,
      description: commitment.description,
      responsible: commitment.responsible,
      owner: commitment.owner,
      tags: [...commitment.tags],
      weight: commitment.weight,
      position: commitmentPosition,
    });
    commitment.milestones.forEach((milestone, milestonePosition) => {
      const milestoneId = randomUUID();
      rows.milestones.push({
        id: milestoneId,
        organisationId,
        commitmentId,
        key: milestone.id,
        title: milestone.title,
        owner: milestone.owner,
        deadlineDate: milestone.deadline ? fromDay(milestone.deadline.date) : null,
        deadlinePrecision: milestone.deadline?.precision ?? null,
        position: milestonePosition,
      });
      milestone.statusUpdates.forEach((update, position) => {
        const id = randomUUID();
        rows.statusUpdates.push({
          id,
          organisationId,
          milestoneId,
          onDate: fromDay(update.on.date),
          onPrecision: update.on.precision,
          status: update.status,
          rationale: update.rationale,
          position,
        });
        update.sources.forEach((key, i) =>
          rows.statusUpdateSources.push({ organisationId, statusUpdateId: id, sourceId: sourceId(key), position: i }),
        );
      });
      milestone.deadlineChanges.forEach((change, position) => {
        const id = randomUUID();
        rows.deadlineChanges.push({
          id,
          organisationId,
          milestoneId,
          onDate: fromDay(change.on.date),
          onPrecision: change.on.precision,
          toDate: fromDay(change.to.date),
          toPrecision: change.to.precision,
          reason: change.reason,
          position,
        });
        change.sources.forEach((key, i) =>
          rows.deadlineChangeSources.push({
            organisationId,
            deadlineChangeId: id,
            sourceId: sourceId(key),
            position: i,
          }),
        );
      });
      milestone.evidence.forEach((link, position) =>
        rows.evidenceLinks.push({
          organisationId,
          milestoneId,
          sourceId: sourceId(link.source),
          stance: link.stance,
          quote: link.quote,
          position,
        }),
      );
    });
    commitment.indicators.forEach((indicator, indicatorPosition) => {
      const indicatorId = randomUUID();
      rows.indicators.push({
        id: indicatorId,
        organisationId,
        commitmentId,
        key: indicator.id,
        title: indicator.title,
        unit: indicator.unit,
        target: indicator.target ?? null,
        position: indicatorPosition,
      });
      indicator.observations.forEach((observation, position) =>
        rows.observations.push({
          organisationId,
          indicatorId,
          onDate: fromDay(observation.on.date),
          onPrecision: observation.on.precision,
          value: observation.value,
          sourceId: sourceId(observation.source),
          quote: observation.quote,
          position,
        }),
      );
    });
  });
}

/**
 * Writes a validated dataset into the organisation `orgSlug`, creating the organisation when it does not exist.
 * Sources are the organisation's: a source whose id exists already takes the document's values.
 * Throws ConflictError, and writes nothing, when an agreement exists already and `replace` is not set.
 */
export async function importDataset(
  viewer: Viewer,
  orgSlug: string,
  dataset: Dataset,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      let organisation = await tx.organisation.findUnique({ where: { slug: orgSlug } });
      const organisationCreated = organisation === null;
      if (organisation !== null) {
        // An organisation the viewer may not even read answers as one that does not exist (no existence leak).
        await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:import");
      } else if (!can(viewer, "organisation:create", {})) {
        throw new NotFoundError(`There is no organisation "${orgSlug}".`);
      } else {
        organisation = await tx.organisation.create({
          data: { slug: orgSlug, name: options.organisationName ?? orgSlug },
        });
        await recordAudit(tx, viewer, {
          organisationId: organisation.id,
          action: "organisation.create",
          entityType: "organisation",
          entityId: organisation.id,
          after: { slug: organisation.slug, name: organisation.name },
          reason: "created by an import",
        });
      }
      const organisationId = organisation.id;

      const slugs = dataset.agreements.map((a) => a.slug);
      const existing = await tx.agreement.findMany({
        where: { organisationId, slug: { in: slugs } },
        select: { id: true, slug: true },
      });
      if (existing.length > 0 && !options.replace) {
        // The fact only: each entry point says how to ask for a replacement (--replace, a checkbox).
        throw new ConflictError(
          `The organisation "${orgSlug}" already has the agreement(s) ${sortedSlugs(existing).join(", ")}; nothing was imported.`,
        );
      }
      if (existing.length > 0) {
        await tx.agreement.deleteMany({ where: { organisationId, id: { in: existing.map((a) => a.id) } } });
      }

      // Sources: update those the organisation has, create the others.
      const known = await tx.source.findMany({
        where: { organisationId, key: { in: dataset.sources.map((s) => s.id) } },
        select: { id: true, key: true },
      });
      const sourceIds = new Map(known.map((s) => [s.key, s.id]));
      const newSources: Prisma.SourceCreateManyInput[] = [];
      for (const source of dataset.sources) {
        const data = {
          url: source.url ?? null,
          outlet: source.outlet,
          title: source.title,
          publishedDate: fromDay(source.published.date),
          publishedPrecision: source.published.precision,
          kind: source.kind,
        };
        const id = sourceIds.get(source.id);
        if (id !== undefined) {
          await tx.source.update({ where: { id, organisationId }, data });
        } else {
          const newId = randomUUID();
          sourceIds.set(source.id, newId);
          newSources.push({ id: newId, organisationId, key: source.id, ...data });
        }
      }
      if (newSources.length > 0) await tx.source.createMany({ data: newSources });

      const rows = emptyRows();
      for (const agreement of dataset.agreements) addAgreementRows(rows, organisationId, agreement, sourceIds);
      // Parents before children; each level in one statement.
      await tx.agreement.createMany({ data: rows.agreements });
      await tx.commitment.createMany({ data: rows.commitments });
      await tx.milestone.createMany({ data: rows.milestones });
      await tx.statusUpdate.createMany({ data: rows.statusUpdates });
      await tx.statusUpdateSource.createMany({ data: rows.statusUpdateSources });
      await tx.deadlineChange.createMany({ data: rows.deadlineChanges });
      await tx.deadlineChangeSource.createMany({ data: rows.deadlineChangeSources });
      await tx.evidenceLink.createMany({ data: rows.evidenceLinks });
      await tx.indicator.createMany({ data: rows.indicators });
      await tx.observation.createMany({ data: rows.observations });

      const replaced = sortedSlugs(existing);
      await recordAudit(tx, viewer, {
        organisationId,
        action: replaced.length > 0 ? "organisation.import.replace" : "organisation.import",
        entityType: "organisation",
        entityId: organisationId,
        after: {
          agreements: slugs,
          replaced,
          sources: dataset.sources.map((s) => s.id),
        },
        reason: "accordwatch/v1 import",
      });
      return {
        organisationCreated,
        agreements: slugs.length,
        imported: slugs,
        replaced,
        sources: dataset.sources.length,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export type ImportDocumentResult = { ok: true; result: ImportResult } | { ok: false; errors: InterchangeIssue[] };

/**
 * Validates an accordwatch/v1 document (its text) and imports it. A document with any error changes nothing and
 * returns every error with its path; a conflict throws ConflictError.
 */
export async function importDocument(
  viewer: Viewer,
  orgSlug: string,
  text: string,
  options: ImportOptions = {},
): Promise<ImportDocumentResult> {
  // Who may import is decided by importDataset, once it has looked the organisation up; a refused document writes
  // nothing either way.
  const parsed = parseInterchangeText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, result: await importDataset(viewer, orgSlug, parsed.dataset, options) };
}

/** What an import of a document would do, found without writing anything. */
export interface ImportCheck {
  /** False when the import would create the organisation (the command line only). */
  organisationExists: boolean;
  /** The slugs of the document's agreements, in its order. */
  agreements: string[];
  /** Those the organisation has already: an import replaces them when asked to, and is refused otherwise. */
  existingAgreements: string[];
  sources: number;
  /** How many of the document's sources the organisation has already: an import gives them the document's values. */
  existingSources: number;
}

export type CheckDocumentResult = { ok: true; check: ImportCheck } | { ok: false; errors: InterchangeIssue[] };

/**
 * Validates a document as importDocument does and says what importing it would do, writing nothing. Allowed to
 * whoever may import into the organisation (`organisation:import`), decided the same way as importDataset.
 */
export async function checkImportDocument(viewer: Viewer, orgSlug: string, text: string): Promise<CheckDocumentResult> {
  const parsed = parseInterchangeText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { dataset } = parsed;
  const slugs = dataset.agreements.map((a) => a.slug);
  const check: ImportCheck = {
    organisationExists: false,
    agreements: slugs,
    existingAgreements: [],
    sources: dataset.sources.length,
    existingSources: 0,
  };
  const db = await getDb();
  const found = await db.organisation.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  if (found === null) {
    // As importDataset: only who may create an organisation learns that it does not exist yet.
    if (!can(viewer, "organisation:create", {})) throw new NotFoundError(`There is no organisation "${orgSlug}".`);
    return { ok: true, check };
  }
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:import");
  const [existingAgreements, existingSources] = await Promise.all([
    db.agreement.findMany({ where: { organisationId: organisation.id, slug: { in: slugs } }, select: { slug: true } }),
    db.source.count({ where: { organisationId: organisation.id, key: { in: dataset.sources.map((s) => s.id) } } }),
  ]);
  return {
    ok: true,
    check: { ...check, organisationExists: true, existingAgreements: sortedSlugs(existingAgreements), existingSources },
  };
}
