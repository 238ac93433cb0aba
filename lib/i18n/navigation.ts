/**
 * Links and redirects that keep the reader's language: `Link` and `redirect` prefix `/fr` on French pages. Use these
 * instead of next/link and next/navigation's redirect for any address of the app's own pages.
 */
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
