import { useTranslations } from "next-intl";
import { localiseMessage } from "@/lib/domain/messages-fr";
import { useFormat } from "@/lib/i18n/format";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { permalink } from "@/lib/urls";
import { CopyPermalink } from "./CopyPermalink";

interface AsOfFormProps {
  /** The page's path without a query: the form submits to it with GET, so it works without JavaScript. */
  action: string;
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  /** True when the day shown is today. */
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC): the latest day the picker offers. */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  error: string | null;
  /** The earliest day worth asking for (the agreement's announced day), when the page has one. */
  min?: string;
  /** The field's label (by default "Show this page as of", in the reader's language). */
  label?: string;
}

/**
 * The day a public page shows, and everything about it: a message when the reader's date was refused, a banner when
 * the day is not today (with the way back), a date picker (a plain GET form) and the page's permalink with the day
 * fixed, to cite it as it stood.
 */
export function AsOfForm({ action, asOf, isToday, today, error, min, label }: AsOfFormProps) {
  const t = useTranslations("asOf");
  const f = useFormat();
  // The page in the reader's language: the form submits to it and the permalink cites it (`/fr/…` in French).
  const here = getPathname({ href: action, locale: f.locale });
  const cite = permalink(here, asOf);
  // A min after today (an agreement announced in the future) would make every day invalid: leave it out then.
  const earliest = min !== undefined && min <= today ? min : undefined;
  return (
    <div className="mt-6 rounded-xl border-2 border-stone-800 bg-white p-4 sm:p-5" data-as-of-panel>
      {error !== null ? (
        <p
          role="alert"
          className="mb-4 rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2 font-medium [overflow-wrap:anywhere] text-red-950"
        >
          {t("refused", { error: localiseMessage(error, f.locale) })}
        </p>
      ) : null}
      {isToday ? null : (
        <div
          role="status"
          data-as-of-banner
          className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950"
        >
          <p className="font-medium">
            {t.rich("banner", { date: f.day(asOf), time: (chunks) => <time dateTime={asOf}>{chunks}</time> })}
          </p>
          <Link href={action} className="font-semibold">
            {t("seeToday")}
          </Link>
        </div>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between">
        <p className="text-2xl font-bold" data-as-of={asOf}>
          {t.rich("asOf", { date: f.day(asOf), time: (chunks) => <time dateTime={asOf}>{chunks}</time> })}
          {isToday ? <span className="ml-2 text-base font-normal text-muted">{t("today")}</span> : null}
        </p>
        <form method="get" action={here} className="flex flex-wrap items-end gap-2" aria-label={t("changeDate")}>
          <div className="flex flex-col">
            <label htmlFor="asOf" className="text-sm font-medium">
              {label ?? t("defaultLabel")}
            </label>
            <input
              id="asOf"
              type="date"
              name="asOf"
              defaultValue={asOf}
              min={earliest}
              max={today}
              required
              className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2 py-1.5 text-ink"
            />
          </div>
          <button
            type="submit"
            className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
          >
            {t("show")}
          </button>
        </form>
      </div>
      <div className="mt-4 border-t border-rule pt-3 text-sm">
        <label htmlFor="permalink" className="font-medium">
          {t("cite")}
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <CopyPermalink id="permalink" path={cite} labels={{ copy: t("copy"), copied: t("copied") }} />
          <a href={cite} data-permalink>
            {t("permalink")}
          </a>
        </div>
      </div>
    </div>
  );
}
