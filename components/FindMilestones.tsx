import { useTranslations } from "next-intl";
import { getPathname } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import { snippetParts, type FindOptions, type FoundMilestone, type ResultsPage, type TextHit } from "@/lib/domain/find";
import { findQueryOf, type FindField, type FindFilters } from "@/lib/domain/schemas/find";
import { HEALTHS, type Agreement, type Source } from "@/lib/domain/types";
import { findPath, milestoneTargets, type MilestoneTargets } from "@/lib/urls";
import { Breadcrumbs } from "./Breadcrumbs";
import { FlagList } from "./FlagList";
import { HealthBadge } from "./HealthBadge";

export interface FindMilestonesProps {
  organisation: { slug: string; name: string };
  options: FindOptions;
  filters: FindFilters;
  /** What the reader typed in the search box, shown again even when it was refused. */
  typedQuery: string;
  errors: Readonly<Partial<Record<FindField, string>>>;
  asOf: string;
  isToday: boolean;
  /** The page of results to show (lib/domain/find.ts pageOfResults). */
  results: ResultsPage<FoundMilestone>;
  sources: readonly Source[];
}

const CONTROL = "mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2 py-1.5 text-ink";

function describedBy(field: FindField, errors: FindMilestonesProps["errors"], hint?: string): string | undefined {
  const ids = [hint, errors[field] !== undefined ? `find-${field}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldError({ field, errors }: { field: FindField; errors: FindMilestonesProps["errors"] }) {
  const message = errors[field];
  if (message === undefined) return null;
  return (
    <p id={`find-${field}-error`} className="mt-1 text-sm font-semibold [overflow-wrap:anywhere] text-red-800">
      {message}
    </p>
  );
}

function Snippet({ hit, sourcesById }: { hit: TextHit; sourcesById: ReadonlyMap<string, Source> }) {
  const t = useTranslations("find");
  const source = hit.source === null ? undefined : sourcesById.get(hit.source);
  const field = t(`hitField.${hit.field}`);
  return (
    <li className="text-sm">
      <span className="font-medium text-muted">
        {source ? t("hitWithSource", { field, outlet: source.outlet }) : t("hit", { field })}
      </span>{" "}
      <q>
        {snippetParts(hit.snippet).map((part, index) =>
          part.match ? (
            <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-ink">
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </q>
    </li>
  );
}

function CountMessage({ count, asked }: { count: number; asked: boolean }) {
  const t = useTranslations("find.count");
  if (count === 0) return asked ? t("noneFound") : t("nonePublished");
  return asked ? t("found", { count }) : t("published", { count });
}

/** The find page: a plain GET form (works without JavaScript) and the milestones that match, as of a day. */
export function FindMilestones({
  organisation,
  options,
  filters,
  typedQuery,
  errors,
  asOf,
  isToday,
  results,
  sources,
}: FindMilestonesProps) {
  const t = useTranslations("find");
  const format = useFormat();
  const org = organisation.slug;
  // The form and these links are plain HTML (a GET form, anchors): their addresses carry the page's language.
  const here = (href: string) => getPathname({ href, locale: format.locale });
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  // Once per agreement of the results (milestoneTargets reads its whole tree).
  const targetsByAgreement = new Map<string, MilestoneTargets>();
  const targetsOf = (agreement: Agreement): MilestoneTargets => {
    let targets = targetsByAgreement.get(agreement.slug);
    if (targets === undefined) {
      targets = milestoneTargets(org, agreement);
      targetsByAgreement.set(agreement.slug, targets);
    }
    return targets;
  };
  const count = results.total;
  const pageHref = (page: number) => here(findPath(org, findQueryOf(filters, isToday ? undefined : asOf, page)));
  const asked =
    filters.q !== null ||
    filters.party !== null ||
    filters.health.length > 0 ||
    filters.owner !== null ||
    filters.tag !== null ||
    filters.overdue;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: `/${org}` },
          { label: t("breadcrumb") },
        ]}
      />
      <h1 className="text-3xl font-bold sm:text-4xl">{t("heading")}</h1>
      <p className="mt-2 max-w-prose text-muted">{t("intro", { organisation: organisation.name })}</p>

      <form
        method="get"
        action={here(findPath(org))}
        aria-label={t("formLabel")}
        className="mt-6 grid gap-4 rounded-xl border-2 border-stone-800 bg-white p-4 sm:grid-cols-2 sm:p-5"
      >
        <div className="sm:col-span-2">
          <label htmlFor="find-q" className="font-medium">
            {t("query")}
          </label>
          <input
            id="find-q"
            type="search"
            name="q"
            defaultValue={typedQuery}
            aria-invalid={errors.q !== undefined ? true : undefined}
            aria-describedby={describedBy("q", errors, "find-q-hint")}
            className={CONTROL}
          />
          <p id="find-q-hint" className="mt-1 text-sm text-muted">
            {t("queryHint")}
          </p>
          <FieldError field="q" errors={errors} />
        </div>

        <div>
          <label htmlFor="find-party" className="font-medium">
            {t("party")}
          </label>
          <select
            id="find-party"
            name="party"
            defaultValue={filters.party ?? ""}
            aria-invalid={errors.party !== undefined ? true : undefined}
            aria-describedby={describedBy("party", errors)}
            className={CONTROL}
          >
            <option value="">{t("anyParty")}</option>
            {options.parties.map((p) => (
              <option key={p} value={p}>
                {format.party(p)}
              </option>
            ))}
          </select>
          <FieldError field="party" errors={errors} />
        </div>

        <div>
          <label htmlFor="find-owner" className="font-medium">
            {t("owner")}
          </label>
          <select
            id="find-owner"
            name="owner"
            defaultValue={filters.owner ?? ""}
            aria-invalid={errors.owner !== undefined ? true : undefined}
            aria-describedby={describedBy("owner", errors)}
            className={CONTROL}
          >
            <option value="">{t("anyOwner")}</option>
            {options.owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <FieldError field="owner" errors={errors} />
        </div>

        <div>
          <label htmlFor="find-tag" className="font-medium">
            {t("tag")}
          </label>
          <select
            id="find-tag"
            name="tag"
            defaultValue={filters.tag ?? ""}
            aria-invalid={errors.tag !== undefined ? true : undefined}
            aria-describedby={describedBy("tag", errors)}
            className={CONTROL}
          >
            <option value="">{t("anyTag")}</option>
            {options.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <FieldError field="tag" errors={errors} />
        </div>

        <div>
          <label htmlFor="find-asOf" className="font-medium">
            {t("asOf")}
          </label>
          <input
            id="find-asOf"
            type="date"
            name="asOf"
            defaultValue={errors.asOf !== undefined ? "" : isToday ? "" : asOf}
            aria-invalid={errors.asOf !== undefined ? true : undefined}
            aria-describedby={describedBy("asOf", errors, "find-asOf-hint")}
            className={CONTROL}
          />
          <p id="find-asOf-hint" className="mt-1 text-sm text-muted">
            {t("asOfHint")}
          </p>
          <FieldError field="asOf" errors={errors} />
        </div>

        <fieldset className="sm:col-span-2" aria-describedby={describedBy("health", errors)}>
          <legend className="font-medium">{t("health")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {HEALTHS.map((h) => (
              <label key={h} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="health"
                  value={h}
                  defaultChecked={filters.health.includes(h)}
                  className="size-5"
                />
                {format.labels.health[h]}
              </label>
            ))}
          </div>
          <FieldError field="health" errors={errors} />
        </fieldset>

        <div>
          <label className="inline-flex min-h-11 items-center gap-2 font-medium">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={filters.overdue}
              aria-invalid={errors.overdue !== undefined ? true : undefined}
              aria-describedby={describedBy("overdue", errors)}
              className="size-5"
            />
            {t("overdue")}
          </label>
          <FieldError field="overdue" errors={errors} />
        </div>

        <div className="flex flex-wrap items-end gap-4 sm:col-span-2">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
          >
            {t("submit")}
          </button>
          <a href={here(findPath(org))} className="inline-flex min-h-11 items-center">
            {t("clear")}
          </a>
        </div>
      </form>

      <section aria-labelledby="find-results" className="mt-8">
        <h2 id="find-results" className="text-2xl font-bold">
          {t.rich("results", {
            date: format.day(asOf),
            time: (chunks) => <time dateTime={asOf}>{chunks}</time>,
          })}
          {isToday ? <span className="ml-2 text-base font-normal text-muted">{t("today")}</span> : null}
        </h2>
        <p role="status" className="mt-2 font-medium" data-count={count}>
          <CountMessage count={count} asked={asked} />
        </p>
        {count === 0 && asked ? (
          <p className="mt-2 text-muted">
            {t.rich("tryAgain", { clear: (chunks) => <a href={here(findPath(org))}>{chunks}</a> })}
          </p>
        ) : null}

        {results.pages > 1 ? (
          <p className="mt-1 text-muted" data-page={results.page} data-pages={results.pages}>
            {t("showing", { first: results.first, last: results.last, total: results.total })}
          </p>
        ) : null}
        {errors.page !== undefined ? (
          <p id="find-page-error" className="mt-2 font-medium text-red-800">
            {errors.page}
          </p>
        ) : null}

        {count > 0 ? (
          <ol className="mt-4 space-y-4" start={results.first}>
            {results.items.map((r) => {
              const domId = `found-${r.agreement.slug}-${r.commitment.id}-${r.milestone.id}`;
              const href = targetsOf(r.agreement)(r.commitment.id, r.milestone.id, isToday ? undefined : asOf);
              return (
                <li
                  key={domId}
                  id={domId}
                  data-milestone={r.milestone.id}
                  className="rounded-lg border border-rule bg-white p-3 sm:p-4"
                >
                  <p className="text-sm text-muted">
                    {r.agreement.title} · {r.commitment.title}
                  </p>
                  <div className="mt-1 flex flex-wrap items-start justify-between gap-2">
                    <h3 className="min-w-0 flex-1 basis-48 font-semibold">
                      <a href={here(href)}>{r.milestone.title}</a>
                    </h3>
                    <HealthBadge health={r.health.health} size="sm" />
                  </div>
                  <p className="mt-1 text-sm">
                    <span className="text-muted">{t("resultOwner")}</span> {r.milestone.owner}
                  </p>
                  {r.hits.length > 0 ? (
                    <ul className="mt-2 space-y-1" aria-label={t("hitsLabel")}>
                      {r.hits.map((hit, index) => (
                        <Snippet key={index} hit={hit} sourcesById={sourcesById} />
                      ))}
                    </ul>
                  ) : null}
                  <FlagList flags={r.health.flags} headingId={`${domId}-flags`} />
                </li>
              );
            })}
          </ol>
        ) : null}
        {results.pages > 1 ? (
          <nav aria-label={t("pagesLabel")} className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-2">
            {results.page > 1 ? (
              <a href={pageHref(results.page - 1)} rel="prev" className="inline-flex min-h-11 items-center">
                {t("previousPage")}
              </a>
            ) : null}
            <span aria-current="page">{t("pageOf", { page: results.page, pages: results.pages })}</span>
            {results.page < results.pages ? (
              <a href={pageHref(results.page + 1)} rel="next" className="inline-flex min-h-11 items-center">
                {t("nextPage")}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
