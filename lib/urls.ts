/**
 * The public addresses: pages, the anchors in them, and the feeds. One module, so that the scorecard, the changes
 * page, the Atom feeds and the tests link to the same places.
 */
import type { ChangeEntry } from "@/lib/domain/changelog";
import { recordKey } from "@/lib/domain/schemas/comments";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import { localisedPath } from "@/lib/i18n/paths";

export { localisedHref, localisedPath, splitLocalePath } from "@/lib/i18n/paths";
import type { Agreement } from "@/lib/domain/types";
import { isCompactScorecard } from "@/lib/domain/scorecard";

function withAsOf(path: string, asOf: string | undefined): string {
  return asOf === undefined ? path : `${path}?${new URLSearchParams({ asOf }).toString()}`;
}

/** The scorecard, as of a day when given, at an anchor (an element id) when given. */
export function scorecardPath(
  org: string,
  agreement: string,
  options: { asOf?: string; anchor?: string } = {},
): string {
  const path = withAsOf(`/${org}/${agreement}`, options.asOf);
  return options.anchor === undefined ? path : `${path}#${options.anchor}`;
}

export function changesPath(org: string, agreement: string, asOf?: string): string {
  return withAsOf(`/${org}/${agreement}/changes`, asOf);
}

/** The organisation's home, as of a day when given. */
export function organisationPath(org: string, asOf?: string): string {
  return withAsOf(`/${org}`, asOf);
}

/** A commitment's page, as of a day when given. */
export function commitmentPath(org: string, agreement: string, commitment: string, asOf?: string): string {
  return withAsOf(`/${org}/${agreement}/commitments/${encodeURIComponent(commitment)}`, asOf);
}

/** A milestone's page, as of a day when given. */
export function milestonePath(
  org: string,
  agreement: string,
  commitment: string,
  milestone: string,
  asOf?: string,
): string {
  const base = `/${org}/${agreement}/commitments/${encodeURIComponent(commitment)}`;
  return withAsOf(`${base}/milestones/${encodeURIComponent(milestone)}`, asOf);
}

/** A source's page (what cites it), as of a day when given. */
export function sourcePath(org: string, source: string, asOf?: string): string {
  return withAsOf(`/${org}/sources/${encodeURIComponent(source)}`, asOf);
}

/**
 * The permalink of a page as it stood on a day: its path with `asOf` fixed to the day shown, whatever the reader
 * asked for (today included), so that the link shows the same page tomorrow.
 */
export function permalink(path: string, asOf: string): string {
  return withAsOf(path, asOf);
}

/** "UK–France measures: changes" / "… : modifications": the title of a feed of changes. */
export function feedTitle(name: string, locale: Locale = DEFAULT_LOCALE): string {
  return locale === "fr" ? `${name}\u00a0: modifications` : `${name}: changes`;
}

export function organisationFeedPath(org: string): string {
  return `/${org}/feed.xml`;
}

export function agreementFeedPath(org: string, agreement: string): string {
  return `/${org}/${agreement}/feed.xml`;
}

export function commitmentAnchor(commitment: string): string {
  return `commitment-${commitment}`;
}

/**
 * Element ids of the agreement's milestones on its scorecard, keyed by recordKey(commitment, milestone):
 * `milestone-<id>`, unless two commitments of the agreement share a milestone id, in which case both are qualified
 * by their commitment (`milestone-<commitment>-<id>`) so that ids stay unique on the page.
 */
export function milestoneAnchors(agreement: Pick<Agreement, "commitments">): Map<string, string> {
  const seen = new Map<string, number>();
  for (const c of agreement.commitments) for (const m of c.milestones) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
  const ids = new Map<string, string>();
  for (const c of agreement.commitments) {
    for (const m of c.milestones) {
      const shared = (seen.get(m.id) ?? 0) > 1;
      ids.set(recordKey(c.id, m.id), shared ? `milestone-${c.id}-${m.id}` : `milestone-${m.id}`);
    }
  }
  return ids;
}

/**
 * Where a change points, on the changes page and in the feeds: the scorecard as it stood on the change's day, at the
 * milestone (or commitment) concerned. `targets` is milestoneTargets of the change's agreement.
 */
export function changeEntryPath(
  org: string,
  entry: Pick<ChangeEntry, "date"> & {
    readonly agreement: { readonly slug: string };
    readonly commitment: { readonly id: string };
    readonly milestone: { readonly id: string } | null;
  },
  targets: MilestoneTargets,
): string {
  return entry.milestone === null
    ? scorecardPath(org, entry.agreement.slug, { asOf: entry.date, anchor: commitmentAnchor(entry.commitment.id) })
    : targets(entry.commitment.id, entry.milestone.id, entry.date);
}

/** Where a link to one milestone of an agreement goes, as of a day when given (milestoneTargets). */
export type MilestoneTargets = (commitment: string, milestone: string, asOf?: string) => string;

/**
 * Where the find page, the changes page and the feeds link a milestone of `agreement`: its place on the scorecard
 * (`#milestone-…`, milestoneAnchors), or its own page when the scorecard is compact (isCompactScorecard), which
 * does not list milestones.
 */
export function milestoneTargets(org: string, agreement: Pick<Agreement, "slug" | "commitments">): MilestoneTargets {
  // The functions keep the slug and the anchors, not the agreement: the organisation feed keeps them for the changes
  // it lists after letting the agreements' trees go.
  const slug = agreement.slug;
  if (isCompactScorecard(agreement)) {
    return (commitment, milestone, asOf) => milestonePath(org, slug, commitment, milestone, asOf);
  }
  const anchors = milestoneAnchors(agreement);
  return (commitment, milestone, asOf) =>
    scorecardPath(org, slug, {
      ...(asOf === undefined ? {} : { asOf }),
      anchor: anchors.get(recordKey(commitment, milestone)) ?? `milestone-${milestone}`,
    });
}

/** The element id of a change on the changes page. */
export function changeAnchor(entry: ChangeEntry): string {
  return `change-${entry.id}`;
}

/**
 * The `alternates` of a page's metadata that announce its Atom feeds (`<link rel="alternate"
 * type="application/atom+xml">`): the agreement's, when given, then the organisation's.
 */
export function feedAlternates(
  organisation: { slug: string; name: string },
  agreement?: { slug: string; title: string },
  locale: Locale = DEFAULT_LOCALE,
): { types: { "application/atom+xml": Array<{ title: string; url: string }> } } {
  const feeds = [
    {
      title: feedTitle(organisation.name, locale),
      url: localisedPath(organisationFeedPath(organisation.slug), locale),
    },
  ];
  if (agreement !== undefined) {
    feeds.unshift({
      title: feedTitle(agreement.title, locale),
      url: localisedPath(agreementFeedPath(organisation.slug, agreement.slug), locale),
    });
  }
  return { types: { "application/atom+xml": feeds } };
}

/** The find page of an organisation, with its query (`q`, `party`, `health` (repeated), `owner`, `tag`, …) when given. */
export function findPath(org: string, query: Record<string, string | readonly string[] | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of typeof value === "string" ? [value] : (value ?? [])) params.append(key, v);
  }
  const search = params.toString();
  return search === "" ? `/${org}/find` : `/${org}/find?${search}`;
}

/** Where the public pages of one agreement link: its commitments, milestones and sources, as of a day when given. */
export interface PublicLinks {
  commitment(commitment: string): string;
  milestone(commitment: string, milestone: string): string;
  source(source: string): string;
}

/** The links of an agreement's public pages; `asOf` is carried along (omit it for today). */
export function publicLinks(org: string, agreement: string, asOf?: string): PublicLinks {
  return {
    commitment: (commitment) => commitmentPath(org, agreement, commitment, asOf),
    milestone: (commitment, milestone) => milestonePath(org, agreement, commitment, milestone, asOf),
    source: (source) => sourcePath(org, source, asOf),
  };
}
