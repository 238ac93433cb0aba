/**
 * What the signed-in workspace reads: an organisation's agreements, drafts included, for its members (reviewer and
 * up). Also the one way this part of lib/data finds an organisation for a viewer (getWorkspaceOrganisationOrThrow).
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { authorize, can, type Action } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Agreement, PreciseDate, Source } from "@/lib/domain/types";
import { recordKey } from "@/lib/domain/schemas/comments";
import { NotFoundError } from "./errors";
import { documentBatches } from "./agreement-documents";
import { findAgreementTree } from "./agreement-tree";
import { toAgreement, toPreciseDate, toSource } from "./mappers";
import type { OrganisationSummary } from "./organisations";

type Reader = Pick<Prisma.TransactionClient, "organisation">;

/** The same words whether the organisation does not exist or the viewer may not see it: existence is not revealed. */
function organisationNotFound(slug: string): NotFoundError {
  return new NotFoundError(`There is no organisation "${slug}".`);
}

/**
 * The organisation `slug` if the viewer may read it, checked against the organisation as the database returned it.
 * - not there, or not readable by the viewer (anonymous, another organisation's member): NotFoundError (a 404);
 * - readable but `action` not allowed (a reviewer asking to manage members): ForbiddenError (a 403).
 */
export async function getWorkspaceOrganisationOrThrow(
  db: Reader,
  viewer: Viewer,
  slug: string,
  action: Action = "organisation:read",
): Promise<{ id: string } & OrganisationSummary> {
  // Anonymous never reads a workspace: answer before touching the database, the same as for an unknown slug.
  if (viewer.kind === "anonymous") throw organisationNotFound(slug);
  const organisation = await db.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null || !can(viewer, "organisation:read", { organisation: organisation.slug })) {
    throw organisationNotFound(slug);
  }
  authorize(viewer, action, { organisation: organisation.slug });
  return organisation;
}

export interface WorkspaceAgreementSummary {
  slug: string;
  title: string;
  published: boolean;
  parties: readonly [string, string];
  announced: PreciseDate;
  updatedAt: Date;
  version: number;
}

/** The organisation's agreements, drafts included, by title. */
export async function listAgreements(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; agreements: WorkspaceAgreementSummary[] }> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const rows = await db.agreement.findMany({
    where: { organisationId: organisation.id },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      published: true,
      partyA: true,
      partyB: true,
      announcedDate: true,
      announcedPrecision: true,
      updatedAt: true,
      version: true,
    },
  });
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreements: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      published: row.published,
      parties: [row.partyA, row.partyB],
      announced: toPreciseDate(row.announcedDate, row.announcedPrecision),
      updatedAt: row.updatedAt,
      version: row.version,
    })),
  };
}

/**
 * The version of every editable record of an agreement, for the forms' optimistic concurrency: a form sends back the
 * version it was rendered with. Keys: commitments by key, milestones and indicators by `commitment/key`
 * (recordKey), sources by key.
 */
export interface RecordVersions {
  agreement: number;
  commitments: Record<string, number>;
  milestones: Record<string, number>;
  indicators: Record<string, number>;
  sources: Record<string, number>;
  /** A milestone's evidence links (by `commitment/milestone`), in the order of the milestone's `evidence`. */
  evidence: Record<string, Array<{ id: string; version: number }>>;
}

export interface WorkspaceAgreement {
  organisation: OrganisationSummary;
  agreement: Agreement;
  /** All the organisation's sources (an editor may cite any of them), by key. */
  sources: Source[];
  versions: RecordVersions;
}

/** An agreement of the organisation, draft or published, with its whole tree; NotFoundError when not there. */
export async function getAgreement(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<WorkspaceAgreement> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const [found, sources] = await Promise.all([
    findAgreementTree(db, organisation.id, { slug: agreementSlug }),
    db.source.findMany({ where: { organisationId: organisation.id }, orderBy: { key: "asc" } }),
  ]);
  if (found === null) throw new NotFoundError(`There is no agreement "${agreementSlug}" in ${organisation.name}.`);
  const row = found.agreement;

  const versions: RecordVersions = {
    agreement: row.version,
    commitments: {},
    milestones: {},
    indicators: {},
    sources: Object.fromEntries(sources.map((s) => [s.key, s.version])),
    evidence: {},
  };
  for (const commitment of row.commitments) {
    versions.commitments[commitment.key] = commitment.version;
    for (const milestone of commitment.milestones) {
      const key = recordKey(commitment.key, milestone.key);
      versions.milestones[key] = milestone.version;
      versions.evidence[key] = milestone.evidenceLinks.map((link) => ({ id: link.id, version: link.version }));
    }
    for (const indicator of commitment.indicators) {
      versions.indicators[recordKey(commitment.key, indicator.key)] = indicator.version;
    }
  }
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreement: toAgreement(row),
    sources: sources.map(toSource),
    versions,
  };
}

export interface WorkspaceSource {
  source: Source;
  version: number;
  /** How many status updates, deadline changes, evidence links and observations cite it. */
  citations: number;
}

/** The organisation's sources, by key, with their versions (for the edit forms) and how often each is cited. */
export async function listSources(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; sources: WorkspaceSource[] }> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const rows = await db.source.findMany({
    where: { organisationId: organisation.id },
    orderBy: { key: "asc" },
    include: {
      _count: {
        select: { statusUpdateSources: true, deadlineChangeSources: true, evidenceLinks: true, observations: true },
      },
    },
  });
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    sources: rows.map((row) => ({
      source: toSource(row),
      version: row.version,
      citations: Object.values(row._count).reduce((sum, n) => sum + n, 0),
    })),
  };
}

/**
 * Every agreement of the organisation, drafts included, each with its whole tree, AGREEMENTS_PER_BATCH at a time
 * (agreement-documents.ts documentBatches), and all the organisation's sources: what a member's "changed since" is
 * computed from, with the same changelog function as the public changes page and feeds (lib/domain/changelog.ts).
 * By title. Members only.
 */
export async function readAgreementTreesInBatches(
  viewer: Viewer,
  orgSlug: string,
): Promise<{
  organisation: OrganisationSummary;
  sources: Source[];
  batches: AsyncIterable<{ agreements: Agreement[]; sources: Source[] }>;
}> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const orderBy: Prisma.AgreementOrderByWithRelationInput[] = [{ title: "asc" }, { slug: "asc" }];
  const [agreements, sources] = await Promise.all([
    db.agreement.findMany({ where: { organisationId: organisation.id }, orderBy, select: { id: true } }),
    db.source.findMany({ where: { organisationId: organisation.id }, orderBy: { key: "asc" } }),
  ]);
  const ids = agreements.map((a) => a.id);
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    sources: sources.map(toSource),
    batches: documentBatches(db, organisation.id, ids, { orderBy }),
  };
}
