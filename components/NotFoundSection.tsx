import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/**
 * A 404's words: the site's own, or the scorecard's ("there is no published scorecard at this address").
 *
 * Its document title comes with it (React puts a `<title>` in the head), not from a not-found file's generateMetadata:
 * that runs apart from the layouts, where next-intl knows the language only from a request header, and reading one
 * would make every cached public page render per request instead (lib/http/cache-control.ts).
 */
export async function NotFoundSection({ namespace }: { namespace: "common.notFound" | "scorecard.notFound" }) {
  const [t, common] = await Promise.all([getTranslations(namespace), getTranslations("common.notFound")]);
  return (
    <section aria-labelledby="not-found" className="max-w-prose">
      <title>{`${namespace === "common.notFound" ? common("metaTitle") : t("title")} · Accordwatch`}</title>
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
