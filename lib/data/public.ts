/**
 * What the public scorecard reads: published agreements only, and the sources they cite.
 */
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Agreement, PreciseDate, Source } from "@/lib/domain/types";
import { citedSourceIds } from "@/lib/domain/interchange";
import { agreementTree, toAgreement, toPreciseDate, toSource } from "./mappers";
import type { OrganisationSummary } from "./organisations";

export type { OrganisationSummary };

export interface AgreementSummary {
  slug: string;
  title: string;
  summary: string;
  parties: readonly [string, string];
  announced: PreciseDate;
}

const summarySelect = {
  slug: true,
  title: true,
  summary: true,
  partyA: true,
  partyB: true,
  announcedDate: true,
  announcedPrecision: true,
} as const;

function toSummary(row: {
  slug: string;
  title: string;
  summary: string;
  partyA: string;
  partyB: string;
  announcedDate: Date;
  announcedPrecision: PreciseDate["precision"];
}): AgreementSummary {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    parties: [row.partyA, row.partyB],
    announced: toPreciseDate(row.announcedDate, row.announcedPrecision),
  };
}

/** Every organisation with something published, by name, with its published agreements by title. */
export async function listPublishedAgreementsByOrganisation(
  viewer: Viewer,
): Promise<Array<{ organisation: OrganisationSummary; agreements: AgreementSummary[] }>> {
  authorize(viewer, "published:read", {});
  const db = await getDb();
  const organisations = await db.organisation.findMany({
    where: { agreements: { some: { published: true } } },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      agreements: { where: { published: true }, orderBy: { title: "asc" }, select: summarySelect },
    },
  });
  return organisations.map(({ slug, name, agreements }) => ({
    organisation: { slug, name },
    agreements: agreements.map(toSummary),
  }));
}

/** An organisation and its published agreements; null when it does not exist or publishes nothing. */
export async function getPublishedOrganisation(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; agreements: AgreementSummary[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await getDb();
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: {
      slug: true,
      name: true,
      agreements: { where: { published: true }, orderBy: { title: "asc" }, select: summarySelect },
    },
  });
  if (organisation === null || organisation.agreements.length === 0) return null;
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreements: organisation.agreements.map(toSummary),
  };
}

/** A published agreement with its whole tree and the sources it cites; null when not found or not published. */
export async function getPublishedAgreement(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<{ organisation: OrganisationSummary; agreement: Agreement; sources: Source[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await getDb();
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) return null;
  const row = await db.agreement.findFirst({
    where: { organisationId: organisation.id, slug: agreementSlug, published: true },
    include: agreementTree,
  });
  if (row === null) return null;
  const agreement = toAgreement(row);
  const sources = await db.source.findMany({
    where: { organisationId: organisation.id, key: { in: [...citedSourceIds([agreement])] } },
    orderBy: { key: "asc" },
  });
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreement,
    sources: sources.map(toSource),
  };
}

/**
 * An organisation's published agreements, each with its whole tree, and the sources they cite: what the
 * organisation's public feed is built from. By title; null when the organisation does not exist or publishes nothing.
 */
export async function listPublishedAgreements(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; agreements: Agreement[]; sources: Source[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await getDb();
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) return null;
  const rows = await db.agreement.findMany({
    where: { organisationId: organisation.id, published: true },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    include: agreementTree,
  });
  if (rows.length === 0) return null;
  const agreements = rows.map(toAgreement);
  const sources = await db.source.findMany({
    where: { organisationId: organisation.id, key: { in: [...citedSourceIds(agreements)] } },
    orderBy: { key: "asc" },
  });
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreements,
    sources: sources.map(toSource),
  };
}

/**
 * A source of the organisation and the published agreements that cite it (by a status update, a deadline change, an
 * evidence link or an indicator observation), each with its whole tree, by title: what the source's public page is
 * built from. Null when the source does not exist or no published record cites it (a source cited only by drafts is
 * not public).
 */
export async function getPublishedSource(
  viewer: Viewer,
  orgSlug: string,
  sourceKey: string,
): Promise<{ organisation: OrganisationSummary; source: Source; agreements: Agreement[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await getDb();
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) return null;
  const source = await db.source.findUnique({
    where: { organisationId_key: { organisationId: organisation.id, key: sourceKey } },
  });
  if (source === null) return null;
  const cites = { some: { organisationId: organisation.id, sourceId: source.id } };
  const rows = await db.agreement.findMany({
    where: {
      organisationId: organisation.id,
      published: true,
      commitments: {
        some: {
          OR: [
            {
              milestones: {
                some: {
                  OR: [
                    { evidenceLinks: cites },
                    { statusUpdates: { some: { sources: cites } } },
                    { deadlineChanges: { some: { sources: cites } } },
                  ],
                },
              },
            },
            { indicators: { some: { observations: cites } } },
          ],
        },
      },
    },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    include: agreementTree,
  });
  if (rows.length === 0) return null;
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    source: toSource(source),
    agreements: rows.map(toAgreement),
  };
}
