import { getCurrentLocale, getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { Changelog } from "@/components/Changelog";
import { AuditList } from "@/components/workspace/AuditList";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { changedSince, MAX_CHANGED_SINCE, type AuditEventView } from "@/lib/data/history";
import { readAgreementTreesInBatches } from "@/lib/data/workspace";
import { todayUtc } from "@/lib/clock";
import { changelogPage, changelogPageOfBatches, type ChangeEntry } from "@/lib/domain/changelog";
import { addDays, isIsoDay } from "@/lib/domain/dates";
import { commitmentAnchor } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.changes");
  return { title: t("metaTitle") };
}

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Events grouped by their UTC day, in the order given (oldest first). */
function byDay(events: readonly AuditEventView[]): [string, AuditEventView[]][] {
  const groups = new Map<string, AuditEventView[]>();
  for (const event of events) {
    const day = event.createdAt.toISOString().slice(0, 10);
    const group = groups.get(day);
    if (group) group.push(event);
    else groups.set(day, [event]);
  }
  return [...groups];
}

/** The record a change concerns, on the workspace agreement page (whose milestone ids name their commitment). */
function workspaceHref(org: string, entry: ChangeEntry): string {
  const anchor =
    entry.milestone === null
      ? commitmentAnchor(entry.commitment.id)
      : `milestone-${entry.commitment.id}-${entry.milestone.id}`;
  return `/w/${org}/${entry.agreement.slug}#${anchor}`;
}

/**
 * Everything that changed in the organisation since a day, drafts included: first what happened (status updates,
 * deadline changes and health transitions, from the same changelog function as the public changes page and feeds,
 * so that all three agree), then the edits made in the workspace (the audit log, internal comments included).
 */
export default async function ChangesPage({ params, searchParams }: Props) {
  const { org } = await params;
  const raw = (await searchParams).since;
  const requested = Array.isArray(raw) ? raw[0] : raw;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") {
    const here = requested ? `?${new URLSearchParams({ since: requested }).toString()}` : "";
    return redirectToSignIn(`/w/${org}/changes${here}`);
  }
  const { organisation, sources, batches } = await readAgreementTreesInBatches(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const today = todayUtc();
  const since = requested === undefined || requested === "" ? addDays(today, -7) : requested.trim();
  const valid = isIsoDay(since);
  const historyHref = (event: AuditEventView) =>
    `/w/${organisation.slug}/history?${new URLSearchParams({ entityType: event.entity.type, entityId: event.entity.id }).toString()}`;
  const result = valid ? await changedSince(viewer, org, since) : null;
  // The newest CHANGES_PAGE_ENTRIES: a day long ago, or a large organisation, can give tens of thousands. The
  // agreements come a few at a time, and only those newest changes are kept between them.
  const happened =
    valid && since <= today
      ? await changelogPageOfBatches(batches, {
          until: today,
          since,
          includeDrafts: true,
          locale: await getCurrentLocale(),
        })
      : changelogPage([]);
  const sourcesById = new Map(sources.map((source) => [source.id, source]));
  const [t, tr, format] = await Promise.all([
    getTranslations("review.changes"),
    getTranslations("review"),
    getFormat(),
  ]);
  const sinceDay = valid ? format.day(since) : since;

  return (
    <div>
      <nav aria-label={tr("breadcrumbs")} className="text-sm">
        <Link href="/w">{tr("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="since" className="block text-sm font-medium">
            {t("since")}
          </label>
          <input
            id="since"
            name="since"
            type="date"
            defaultValue={since}
            aria-describedby={valid ? undefined : "since-error"}
            aria-invalid={valid ? undefined : true}
            className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5"
          />
        </div>
        <button type="submit" className="rounded border-2 border-stone-900 px-3 py-1.5 font-semibold">
          {t("show")}
        </button>
      </form>
      {result === null ? (
        <p id="since-error" role="alert" className="mt-4 font-semibold text-red-800">
          {t("notADate", { since, today })}
        </p>
      ) : (
        <>
          <section aria-labelledby="happened" className="mt-8">
            <h2 id="happened" className="text-2xl font-bold">
              {t("happened")}
            </h2>
            <p className="mt-1 max-w-prose text-sm text-muted">{t("happenedIntro", { day: sinceDay })}</p>
            {happened.entries.length === 0 ? (
              <p className="mt-3">{t("nothingHappened", { day: sinceDay })}</p>
            ) : (
              <div className="mt-4">
                {happened.entries.length < happened.total ? (
                  <p role="status" className="mb-4 text-sm font-semibold" data-changes-shown={happened.entries.length}>
                    {t("happenedNewest", { shown: happened.entries.length, total: happened.total, day: sinceDay })}
                  </p>
                ) : null}
                <Changelog
                  entries={happened.entries}
                  sourcesById={sourcesById}
                  hrefOf={(entry) => workspaceHref(organisation.slug, entry)}
                />
              </div>
            )}
          </section>
          <section aria-labelledby="edits" className="mt-10">
            <h2 id="edits" className="text-2xl font-bold">
              {t("edits")}
            </h2>
            {result.events.length === 0 ? (
              <p className="mt-3">{t("noEdits", { day: sinceDay })}</p>
            ) : (
              <>
                <p className="mt-4 text-sm text-muted">
                  {t("editCount", { count: result.events.length, day: sinceDay })}
                </p>
                {result.truncated ? (
                  <p role="status" className="mt-2 text-sm font-semibold">
                    {t("truncated", { max: format.number(MAX_CHANGED_SINCE) })}
                  </p>
                ) : null}
                {byDay(result.events).map(([day, events]) => (
                  <section key={day} aria-labelledby={`edits-${day}`} className="mt-6">
                    <h3 id={`edits-${day}`} className="text-xl font-semibold">
                      <time dateTime={day}>{format.day(day)}</time>
                    </h3>
                    <AuditList org={organisation.slug} events={events} historyHref={historyHref} />
                  </section>
                ))}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
