import Link from "next/link";
import { formatDay } from "@/lib/domain/dates";

interface AsOfFormProps {
  /** The page's path without a query: the form submits to it with GET, so it works without JavaScript. */
  action: string;
  asOf: string;
  /** True when the date is today's default rather than one the reader asked for. */
  isToday: boolean;
  /** The field's label. */
  label?: string;
}

/** The as-of date, shown prominently, and a plain GET form to see the page as it stood on another day. */
export function AsOfForm({ action, asOf, isToday, label = "Show the scorecard as of" }: AsOfFormProps) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between">
      <p className="text-2xl font-bold" data-as-of={asOf}>
        As of <time dateTime={asOf}>{formatDay(asOf)}</time>
        {isToday ? <span className="ml-2 text-base font-normal text-muted">(today)</span> : null}
      </p>
      <form method="get" action={action} className="flex flex-wrap items-end gap-2" aria-label="Change the date">
        <div className="flex flex-col">
          <label htmlFor="asOf" className="text-sm font-medium">
            {label}
          </label>
          <input
            id="asOf"
            type="date"
            name="asOf"
            defaultValue={asOf}
            required
            className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2 py-1.5 text-ink"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
        >
          Show
        </button>
        {isToday ? null : (
          <Link href={action} className="inline-flex min-h-11 items-center px-2">
            Back to today
          </Link>
        )}
      </form>
    </div>
  );
}
