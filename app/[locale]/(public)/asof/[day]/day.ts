/**
 * What every cached public page does first (lib/http/cache-control.ts): it is rendered without the request (no
 * cookie, header or query may be read, or Next.js would render it per request), so it takes its language and its day
 * from its path: proxy.ts rewrote `/fr/demo?asOf=2025-11-21` to `/fr/asof/2025-11-21/demo`.
 */
import { setRequestLocale } from "next-intl/server";
import { todayUtc } from "@/lib/clock";
import { resolveAsOfSegment, type ResolvedAsOf } from "@/lib/domain/schemas/as-of";
import { asLocale } from "@/lib/i18n/format";

export interface DayParams {
  readonly locale: string;
  readonly day: string;
}

/** Sets the page's language for next-intl (without it, next-intl reads a header) and resolves its day. */
export async function publicPageDay(params: Promise<DayParams>): Promise<ResolvedAsOf & { readonly today: string }> {
  const { locale, day } = await params;
  setRequestLocale(asLocale(locale));
  const today = todayUtc();
  return { today, ...resolveAsOfSegment(day, today) };
}

/** The same for generateMetadata, which Next.js may run before the page. */
export async function publicPageLocale(params: Promise<{ readonly locale: string }>): Promise<void> {
  setRequestLocale(asLocale((await params).locale));
}
