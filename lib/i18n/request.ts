/**
 * next-intl's request configuration: the locale of the address (lib/i18n/routing.ts) and its messages. Dates are
 * UTC days throughout (spec/health.md), so the time zone is fixed rather than the server's.
 */
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { en } from "@/messages/en";
import { fr } from "@/messages/fr";
import { routing } from "./routing";

export const MESSAGES = { en, fr } as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
