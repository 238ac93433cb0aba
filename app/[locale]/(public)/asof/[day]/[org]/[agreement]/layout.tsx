import type { ReactNode } from "react";
import { publicPageLocale } from "@/app/[locale]/(public)/asof/[day]/day";

/**
 * Only sets the language, for this segment's not-found.tsx: Next.js renders it with the page (ready in case the page
 * calls notFound()), and next-intl would otherwise read the language from a request header, which would make every
 * agreement page render per request (lib/http/cache-control.ts).
 */
export default async function AgreementLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await publicPageLocale(params);
  return children;
}
