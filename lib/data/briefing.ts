/**
 * A reviewer's briefing (lib/domain/briefing.ts) of one agreement or of the viewer's watchlist, as of a day. Members
 * of the organisation only, drafts included: both read through workspace.getAgreement and watchlist.listWatchlist,
 * which ask the policy with the organisation in every query.
 */
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import { buildBriefing, type Briefing } from "@/lib/domain/briefing";
import { asOfQuerySchema } from "@/lib/domain/schemas/as-of";
import { parseInput } from "@/lib/domain/schemas/parse";
import { ValidationError } from "./errors";
import type { OrganisationSummary } from "./organisations";
import { listWatchlist } from "./watchlist";
import { getAgreement, getWorkspaceOrganisationOrThrow } from "./workspace";

export interface BriefingView {
  organisation: OrganisationSummary;
  /** What the briefing is of: the agreement's title, or "Your watchlist". */
  title: string;
  briefing: Briefing;
}

/** The as-of day, `YYYY-MM-DD`, checked by the query's own schema: a ValidationError on `asOf` otherwise. */
function parseAsOf(asOf: string): string {
  const parsed = parseInput(asOfQuerySchema, { asOf });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  if (parsed.data.asOf === undefined) throw new ValidationError({ asOf: ["Give the day as YYYY-MM-DD."] });
  return parsed.data.asOf;
}

/** One agreement of the organisation, draft or published, as of `asOf`; NotFoundError when not there. */
export async function getAgreementBriefing(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
  asOf: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<BriefingView> {
  const day = parseAsOf(asOf);
  const { organisation, agreement, sources } = await getAgreement(viewer, orgSlug, agreementSlug);
  return {
    organisation,
    title: agreement.title,
    briefing: buildBriefing({ agreements: [{ agreement, sources }], asOf: day, locale }),
  };
}

/** The viewer's watchlist in the organisation, across its agreements, as of `asOf` (empty for the command line). */
export async function getWatchlistBriefing(
  viewer: Viewer,
  orgSlug: string,
  asOf: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<BriefingView> {
  const day = parseAsOf(asOf);
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const watched = await listWatchlist(viewer, orgSlug);
  // Each watched agreement once, in the order first watched.
  const slugs = [...new Set(watched.map((item) => item.agreement.slug))];
  const loaded = await Promise.all(slugs.map((slug) => getAgreement(viewer, orgSlug, slug)));
  const briefing = buildBriefing({
    agreements: loaded.map(({ agreement, sources }) => ({ agreement, sources })),
    selection: watched.map((item) => ({
      agreement: item.agreement.slug,
      commitment: item.commitment.key,
      milestone: item.milestone?.key ?? null,
    })),
    asOf: day,
    locale,
  });
  const title = locale === "fr" ? "Votre liste de suivi" : "Your watchlist";
  return { organisation: { slug: organisation.slug, name: organisation.name }, title, briefing };
}
