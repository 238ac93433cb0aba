/**
 * The interface languages. Pure: the domain writes some texts itself (reasons, changelog summaries, labels), and
 * writes them in the reader's language; entered content (titles, rationales, quotes) is never translated.
 */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The BCP 47 tag of each language for Intl formatting and `<html lang>`: British English, French of France. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { en: "en-GB", fr: "fr-FR" };

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", fr: "Français" };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "fr";
}
