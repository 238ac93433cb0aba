import { getTranslations, setRequestLocale } from "next-intl/server";
import { asLocale } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { AgreementList } from "@/components/AgreementList";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { listPublishedAgreementsByOrganisation } from "@/lib/data/public";

// Kept and rendered again at most every ten seconds, or on the next request after an edit (lib/http/cache-control.ts).
// Not at build time: `next build` has no database to read; the first request renders it.
export const revalidate = 10;
// Never rendered per request: reading a cookie, a header or the query here is an error, not a silent slowdown.
export const dynamic = "error";

export function generateStaticParams(): [] {
  return [];
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale(asLocale((await params).locale));
  const [groups, t] = await Promise.all([listPublishedAgreementsByOrganisation(ANONYMOUS), getTranslations("home")]);

  return (
    <>
      <section aria-labelledby="intro" className="max-w-prose">
        <h1 id="intro" className="text-3xl font-bold sm:text-4xl">
          {t("title")}
        </h1>
        <p className="mt-3 text-lg">{t("lead")}</p>
        <p className="mt-3">{t("method")}</p>
      </section>

      <section aria-labelledby="published" className="mt-10">
        <h2 id="published" className="mb-4 text-2xl font-bold">
          {t("published")}
        </h2>
        {groups.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-400 bg-white p-6 text-muted">{t("empty")}</p>
        ) : (
          <div className="space-y-8">
            {groups.map(({ organisation, agreements }) => (
              <section key={organisation.slug} aria-labelledby={`org-${organisation.slug}`}>
                <h3 id={`org-${organisation.slug}`} className="mb-3 text-xl font-bold">
                  <Link href={`/${organisation.slug}`}>{organisation.name}</Link>
                </h3>
                <AgreementList orgSlug={organisation.slug} agreements={agreements} headingLevel={4} />
              </section>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
