/** The reader's language in async server components (server only: next-intl/server). */
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/domain/locale";
import { asLocale, formatFor, type Format } from "./format";
import { getPathname, redirect } from "./navigation";

export async function getFormat(): Promise<Format> {
  return formatFor(asLocale(await getLocale()));
}

export async function getCurrentLocale(): Promise<Locale> {
  return asLocale(await getLocale());
}

/** Redirects to a page of the app in the reader's language (`/w/demo` → `/fr/w/demo` on a French page). */
export async function redirectHere(path: string): Promise<never> {
  return redirect({ href: path, locale: await getCurrentLocale() });
}

/**
 * Redirects an anonymous reader to the sign-in page in their language, which sends them back to `path` (in that
 * language too) once signed in.
 */
export async function redirectToSignIn(path: string): Promise<never> {
  const locale = await getCurrentLocale();
  const back = getPathname({ href: path, locale });
  return redirect({ href: `/signin?callbackUrl=${encodeURIComponent(back)}`, locale });
}
