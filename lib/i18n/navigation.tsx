/**
 * Links and redirects that keep the reader's language: `/fr` is prefixed on French pages.
 *
 * - `Link` (server components only): next/link with the address in the page's language. It adds no script of its own
 *   to the page, unlike next-intl's Link, so public pages stay within their JavaScript budget.
 * - `redirect`, `getPathname` (server): next-intl's.
 * Client components import lib/i18n/client-navigation instead (this module reaches next-intl/server).
 * Use these instead of next/link and next/navigation's redirect for any address of the app's own pages.
 */
import { getLocale } from "next-intl/server";
import NextLink from "next/link";
import type { ComponentProps } from "react";
import { isLocale, type Locale } from "@/lib/domain/locale";
import { localisedHref } from "@/lib/urls";
import { routing } from "./routing";

export { ClientLink, getPathname, redirect } from "./client-navigation";

type LinkProps = ComponentProps<typeof NextLink> & { readonly locale?: Locale };

export async function Link({ href, locale, ...rest }: LinkProps) {
  const current = locale ?? (await getLocale());
  return <NextLink {...rest} href={localisedHref(href, isLocale(current) ? current : routing.defaultLocale)} />;
}
