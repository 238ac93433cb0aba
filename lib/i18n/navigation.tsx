/**
 * Links and redirects that keep the reader's language, for server components and server actions: `/fr` is prefixed
 * on French pages (lib/i18n/paths).
 *
 * This module must not import next-intl's navigation: its Link is a client component, and a client module imported
 * anywhere in a page's server code is shipped to the browser with that page (with next-intl's message runtime). So
 * `Link` here is next/link with the address localised on the server, and `getPathname` and `redirect` are plain.
 * Client components import lib/i18n/client-navigation instead.
 */
import { getLocale } from "next-intl/server";
import NextLink from "next/link";
import { redirect as nextRedirect } from "next/navigation";
import type { ComponentProps } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locale";
import { localisedHref, localisedPath } from "./paths";

type LinkProps = ComponentProps<typeof NextLink> & { readonly locale?: Locale };

export async function Link({ href, locale, ...rest }: LinkProps) {
  const current = locale ?? (await getLocale());
  return <NextLink {...rest} href={localisedHref(href, isLocale(current) ? current : DEFAULT_LOCALE)} />;
}

/** A page's address in a language: `/w/demo` → `/fr/w/demo` in French. */
export function getPathname({ href, locale }: { href: string; locale: Locale }): string {
  return localisedPath(href, locale);
}

/** Redirects to a page of the app in a language (throws, as next/navigation's redirect does). */
export function redirect({ href, locale }: { href: string; locale: Locale }): never {
  return nextRedirect(localisedPath(href, locale));
}
