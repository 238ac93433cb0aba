import type { ReactNode } from "react";

/**
 * Every page is under app/[locale], whose layout renders the document (`<html lang>` in the page's language); the
 * API routes render none. This root only passes its children through, as next-intl's routing asks.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
