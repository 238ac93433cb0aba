/**
 * next-intl's navigation, for client components (under a NextIntlClientProvider) as well as the server: `ClientLink`
 * prefixes `/fr` on French pages, `getPathname` gives a page's address in a language. Server components use
 * lib/i18n/navigation's `Link`, which sends no script.
 */
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link: ClientLink, redirect, getPathname, useRouter } = createNavigation(routing);
