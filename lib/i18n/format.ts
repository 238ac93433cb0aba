/**
 * The reader's language, for components: the words of lib/domain/labels and the date and number formats, bound to the
 * locale of the page being rendered. `useFormat()` in components (server or client, not async); `await getFormat()`
 * (lib/i18n/server.ts) in async server components.
 */
import { useLocale } from "next-intl";
import { formatMean, formatNumber, formatPercent, partyLabel, responsibleLabel, roleLabel } from "@/components/labels";
import type { Role } from "@/lib/auth/viewer";
import { formatDay, formatPreciseDate } from "@/lib/domain/dates";
import { vocabulary, type Vocabulary } from "@/lib/domain/labels";
import { isLocale, DEFAULT_LOCALE, LOCALE_TAGS, type Locale } from "@/lib/domain/locale";
import type { PartyCode, PreciseDate, Responsible } from "@/lib/domain/types";

export interface Format {
  readonly locale: Locale;
  /** The BCP 47 tag: "en-GB", "fr-FR". */
  readonly tag: string;
  /** Health, flag, status, stance and source-kind labels. */
  readonly labels: Vocabulary;
  /** "1 December 2025" / "1er décembre 2025". */
  day(isoDay: string): string;
  /** A date in its own precision: "November 2025" / "novembre 2025", "Q4 2025" / "T4 2025". */
  date(d: PreciseDate): string;
  number(value: number): string;
  percent(value: number): string;
  /** A compliance mean with its sign: "+0.50" / "+0,50". */
  mean(value: number): string;
  party(code: PartyCode): string;
  responsible(responsible: Responsible): string;
  role(role: Role): string;
}

const formats = new Map<Locale, Format>();

export function formatFor(locale: Locale): Format {
  let format = formats.get(locale);
  if (format === undefined) {
    format = {
      locale,
      tag: LOCALE_TAGS[locale],
      labels: vocabulary(locale),
      day: (isoDay) => formatDay(isoDay, locale),
      date: (d) => formatPreciseDate(d, locale),
      number: (value) => formatNumber(value, locale),
      percent: (value) => formatPercent(value, locale),
      mean: (value) => formatMean(value, locale),
      party: (code) => partyLabel(code, locale),
      responsible: (r) => responsibleLabel(r, locale),
      role: (role) => roleLabel(role, locale),
    };
    formats.set(locale, format);
  }
  return format;
}

export function asLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function useFormat(): Format {
  return formatFor(asLocale(useLocale()));
}
