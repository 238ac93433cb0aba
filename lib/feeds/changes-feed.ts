/**
 * The Atom feeds of changes (issue 4, "Changes"): per organisation and per agreement, one entry per entry of the
 * changelog (lib/domain/changelog.ts), the newest FEED_ENTRIES of them: a feed lists what the changes page lists
 * first. Bounded, as a reader polls a feed for what is new: an organisation's whole history can run to hundreds of
 * thousands of changes (bench/README.md, "Scale": its feed put next-server out of memory). Built with the `feed`
 * package. Pure apart from that package: the origin and the day come from the route.
 *
 * - Entry ids are tag URIs (RFC 4151) minted from the site's host name and the change's stable id:
 *   `tag:<host>,2025:<org>/<change id>`. They do not depend on the port or the scheme, nor on the as-of day, and the
 *   same change has the same id in the organisation's feed and in the agreement's.
 * - Entry dates are the day the change took effect, at 00:00 UTC; the feed's `updated` is the newest of them (never
 *   the clock), so the same records give byte-identical feeds.
 * - Each entry links to the scorecard as it stood on that day, at the milestone (or commitment) concerned.
 */
import { Feed } from "feed";
import {
  CHANGE_KIND_LABELS_BY_LOCALE,
  type ChangeEntry,
  agreementChangelog,
  ChangelogCollector,
} from "@/lib/domain/changelog";
import { formatPreciseDate } from "@/lib/domain/dates";
import { indexSources } from "@/lib/domain/health";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import type { Agreement, Source } from "@/lib/domain/types";
import {
  agreementFeedPath,
  changeEntryPath,
  changesPath,
  feedTitle,
  localisedPath,
  milestoneTargets,
  organisationFeedPath,
  type MilestoneTargets,
} from "@/lib/urls";

/** How many changes a feed lists at most, the newest. */
export const FEED_ENTRIES = 100;

/** The year in every tag URI: a tag's date must never change, or every id would. */
const TAG_DATE = "2025";

export interface FeedContext {
  /** The site's origin as the reader reached it, e.g. `https://accordwatch.example.org`. */
  readonly origin: string;
  /** The day the feed runs to (`YYYY-MM-DD`, today): records after it do not exist yet. */
  readonly until: string;
  /** The language of the feed's texts and of the pages it links to (English unless given). */
  readonly locale?: Locale;
  /** How many of the newest changes it lists: FEED_ENTRIES unless given. */
  readonly entries?: number;
}

/** The Atom id of a change, or of a feed (`<org>` or `<org>/<agreement>`). */
export function atomId(origin: string, path: string): string {
  const host = new URL(origin).hostname;
  return `tag:${host},${TAG_DATE}:${path}`;
}

/** Text for an element the feed package writes as `type="html"` (inside CDATA): escaped, so readers show it as is. */
function html(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function citation(source: Source, locale: Locale): string {
  return `${source.outlet}, ${source.title}, ${formatPreciseDate(source.published, locale)}`;
}

/** The entry's summary, then its sources (linked when they have an address), as HTML. */
function content(entry: ChangeEntry, sources: ReadonlyMap<string, Source>, locale: Locale): string {
  const cited = entry.sources.flatMap((id) => {
    const source = sources.get(id);
    return source === undefined ? [] : [source];
  });
  const items = cited.map((s) => {
    const text = html(citation(s, locale));
    return s.url === undefined ? `<li>${text}</li>` : `<li><a href="${html(s.url)}">${text}</a></li>`;
  });
  const heading = locale === "fr" ? "Sources\u00a0:" : "Sources:";
  const list = items.length === 0 ? "" : `<p>${heading}</p><ul>${items.join("")}</ul>`;
  return `<p>${html(entry.summary)}</p>${list}`;
}

interface FeedHeader {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  /** Absolute URLs. */
  readonly alternate: string;
  readonly self: string;
  readonly author: string;
  /** The feed's `updated` when it has no entry (a day). */
  readonly emptyUpdated: string;
}

const midnight = (day: string): Date => new Date(`${day}T00:00:00Z`);

function render(
  header: FeedHeader,
  org: string,
  entries: readonly ChangeEntry[],
  targets: ReadonlyMap<string, MilestoneTargets>,
  sourcesById: ReadonlyMap<string, Source>,
  origin: string,
  locale: Locale,
): string {
  const targetsOf = (slug: string) => targets.get(slug) ?? milestoneTargets(org, { slug, commitments: [] });
  const feed = new Feed({
    id: header.id,
    title: header.title,
    description: header.subtitle,
    link: header.alternate,
    feedLinks: { atom: header.self },
    author: { name: header.author, link: `${origin}${localisedPath(`/${org}`, locale)}` },
    generator: "Accordwatch",
    updated: midnight(entries[0]?.date ?? header.emptyUpdated),
  });
  for (const entry of entries) {
    feed.addItem({
      id: atomId(origin, `${org}/${entry.id}`),
      title: html(entry.title),
      // The only query parameter is asOf: the package escapes "&" in addresses itself, so there must be none.
      link: `${origin}${localisedPath(changeEntryPath(org, entry, targetsOf(entry.agreement.slug)), locale)}`,
      date: midnight(entry.date),
      description: html(entry.summary),
      content: content(entry, sourcesById, locale),
      category: [{ term: entry.kind, name: CHANGE_KIND_LABELS_BY_LOCALE[locale][entry.kind] }],
    });
  }
  return feed.atom1();
}

/** The Atom feed of one published agreement's changes. */
export function agreementChangesFeed(
  found: { organisation: { slug: string; name: string }; agreement: Agreement; sources: readonly Source[] },
  context: FeedContext,
): string {
  const { organisation, agreement, sources } = found;
  const org = organisation.slug;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const entries = agreementChangelog(agreement, indexSources(sources), {
    until: context.until,
    locale,
    limit: context.entries ?? FEED_ENTRIES,
  });
  return render(
    {
      id: atomId(context.origin, `${org}/${agreement.slug}`),
      title: feedTitle(agreement.title, locale),
      subtitle:
        locale === "fr"
          ? `Points d’étape, changements d’échéance et évolutions de l’état de «\u00a0${agreement.title}\u00a0», suivis par ${organisation.name} sur Accordwatch.`
          : `Status updates, deadline changes and health transitions of “${agreement.title}”, tracked by ${organisation.name} on Accordwatch.`,
      alternate: `${context.origin}${localisedPath(changesPath(org, agreement.slug), locale)}`,
      self: `${context.origin}${localisedPath(agreementFeedPath(org, agreement.slug), locale)}`,
      author: organisation.name,
      emptyUpdated: agreement.announced.date,
    },
    org,
    entries,
    new Map([[agreement.slug, milestoneTargets(org, agreement)]]),
    new Map(sources.map((s) => [s.id, s] as const)),
    context.origin,
    locale,
  );
}

/**
 * The Atom feed of every published agreement of an organisation (at least one), given a batch of agreements at a
 * time (lib/data/public.ts readPublishedInBatches): of each batch it keeps only the newest changes so far, where they
 * link and the sources they cite, so that what it holds does not grow with the organisation.
 */
export async function organisationChangesFeed(
  found: {
    organisation: { slug: string; name: string };
    batches: AsyncIterable<{ agreements: readonly Agreement[]; sources: readonly Source[] }>;
  },
  context: FeedContext,
): Promise<string> {
  const { organisation } = found;
  const org = organisation.slug;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const changes = new ChangelogCollector({ until: context.until, locale, limit: context.entries ?? FEED_ENTRIES });
  let targets = new Map<string, MilestoneTargets>();
  let sources = new Map<string, Source>();
  let announced: string | null = null;
  for await (const batch of found.batches) {
    changes.add(batch.agreements, indexSources(batch.sources));
    for (const a of batch.agreements)
      if (announced === null || a.announced.date < announced) announced = a.announced.date;
    // What the changes kept so far need: those of this batch from its agreements and sources, the others from before.
    const bySlug = new Map(batch.agreements.map((a) => [a.slug, a] as const));
    const batchSources = new Map(batch.sources.map((s) => [s.id, s] as const));
    const keptTargets = new Map<string, MilestoneTargets>();
    const keptSources = new Map<string, Source>();
    for (const entry of changes.result()) {
      const slug = entry.agreement.slug;
      if (!keptTargets.has(slug)) {
        const agreement = bySlug.get(slug);
        const target = targets.get(slug) ?? (agreement === undefined ? undefined : milestoneTargets(org, agreement));
        if (target !== undefined) keptTargets.set(slug, target);
      }
      for (const id of entry.sources) {
        const source = sources.get(id) ?? batchSources.get(id);
        if (source !== undefined) keptSources.set(id, source);
      }
    }
    targets = keptTargets;
    sources = keptSources;
  }
  return render(
    {
      id: atomId(context.origin, org),
      title: feedTitle(organisation.name, locale),
      subtitle:
        locale === "fr"
          ? `Points d’étape, changements d’échéance et évolutions de l’état des accords que ${organisation.name} suit sur Accordwatch.`
          : `Status updates, deadline changes and health transitions of the agreements ${organisation.name} tracks on Accordwatch.`,
      alternate: `${context.origin}${localisedPath(`/${org}`, locale)}`,
      self: `${context.origin}${localisedPath(organisationFeedPath(org), locale)}`,
      author: organisation.name,
      emptyUpdated: announced ?? context.until,
    },
    org,
    changes.result(),
    targets,
    sources,
    context.origin,
    locale,
  );
}
