import type { Role } from "@/lib/auth/viewer";
/**
 * The words and symbols the UI uses for domain values. One place, so that every page says the same thing.
 * Symbols exist so that health is never told by colour alone (each is distinct in shape).
 */
import { countryName } from "@/lib/domain/countries";
import { DEFAULT_LOCALE, LOCALE_TAGS, type Locale } from "@/lib/domain/locale";
import type { Health, PartyCode, Responsible } from "@/lib/domain/types";

export { FLAG_LABELS, HEALTH_LABELS, SOURCE_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/domain/labels";

export const HEALTH_SYMBOLS: Readonly<Record<Health, string>> = {
  ON_TRACK: "●",
  AT_RISK: "▲",
  STALLED: "■",
  DONE: "✓",
  PARTIAL: "◐",
  BROKEN: "✕",
};

/** Tailwind classes per health: light background, dark text (contrast ≥ 7:1), a border of the same hue. */
export const HEALTH_CLASSES: Readonly<Record<Health, string>> = {
  ON_TRACK: "border-emerald-700 bg-emerald-50 text-emerald-900",
  AT_RISK: "border-amber-600 bg-amber-50 text-amber-950",
  STALLED: "border-orange-700 bg-orange-100 text-orange-950",
  DONE: "border-sky-700 bg-sky-50 text-sky-950",
  PARTIAL: "border-violet-700 bg-violet-50 text-violet-950",
  BROKEN: "border-red-700 bg-red-100 text-red-950",
};

/** "France (FR)"; the code alone when it names no country. */
export function partyLabel(code: PartyCode, locale: Locale = DEFAULT_LOCALE): string {
  const name = countryName(code, locale);
  return name === code ? code : `${name} (${code})`;
}

export function responsibleLabel(responsible: Responsible, locale: Locale = DEFAULT_LOCALE): string {
  if (responsible !== "joint") return partyLabel(responsible, locale);
  return locale === "fr" ? "Les deux (conjoint)" : "Both (joint)";
}

/** A compliance mean on −1…+1 with its sign and a true minus: "+1.00", "0.00", "−0.50" ("−0,50" in French). */
export function formatMean(mean: number, locale: Locale = DEFAULT_LOCALE): string {
  const abs = Math.abs(mean).toFixed(2);
  const text = locale === "fr" ? abs.replace(".", ",") : abs;
  if (mean > 0) return `+${text}`;
  if (mean < 0) return `−${text}`;
  return text;
}

export function formatScore(score: -1 | 0 | 1): string {
  return score > 0 ? "+1" : score < 0 ? "−1" : "0";
}

const numberFormats: Readonly<Record<Locale, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat(LOCALE_TAGS.en),
  fr: new Intl.NumberFormat(LOCALE_TAGS.fr),
};

/** 1,234 in English, 1 234 in French. */
export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormats[locale].format(value);
}

/** A whole percentage: "64%" in English, "64 %" in French (with a no-break space). */
export function formatPercent(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return locale === "fr" ? `${formatNumber(value, locale)}\u00a0%` : `${formatNumber(value, locale)}%`;
}

const ROLE_LABELS: Readonly<Record<Locale, Readonly<Record<Role, string>>>> = {
  en: { ADMIN: "Admin", EDITOR: "Editor", REVIEWER: "Reviewer" },
  fr: { ADMIN: "Administrateur", EDITOR: "Éditeur", REVIEWER: "Relecteur" },
};

export function roleLabel(role: Role, locale: Locale = DEFAULT_LOCALE): string {
  return ROLE_LABELS[locale][role];
}
