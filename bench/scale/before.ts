/**
 * The scorecard's load as lib/data/public.ts getPublishedAgreement did it before the Scale work (commit 8e707f3):
 * `include: agreementTree` (Prisma loads each level with an `IN ($1, …, $n)` of the level above's ids and stitches
 * the levels in JavaScript), then the cited sources by key. Kept here only so that `npm run bench:scale -- --compare`
 * can measure before and after in one run; the app no longer uses it.
 */
import { getDb } from "../../lib/db/client";
import { agreementTree, toAgreement, toSource } from "../../lib/data/mappers";
import { citedSourceIds } from "../../lib/domain/interchange";
import type { Agreement, Source } from "../../lib/domain/types";

export async function getPublishedAgreementBefore(
  orgSlug: string,
  agreementSlug: string,
): Promise<{ organisation: { slug: string; name: string }; agreement: Agreement; sources: Source[] } | null> {
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
