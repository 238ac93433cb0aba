import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
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
