import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** A 404's words: the site's own, or the scorecard's ("there is no published scorecard at this address"). */
export async function NotFoundSection({ namespace }: { namespace: "common.notFound" | "scorecard.notFound" }) {
  const t = await getTranslations(namespace);
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
