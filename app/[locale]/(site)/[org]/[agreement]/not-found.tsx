import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scorecard.notFound");
  return { title: t("title") };
}

export default async function ScorecardNotFound() {
  const t = await getTranslations("scorecard.notFound");
  return (
    <section aria-labelledby="not-found" className="max-w-prose">
      <h1 id="not-found" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-3">
        <Link href="/">{t("home")}</Link>
      </p>
    </section>
  );
}
