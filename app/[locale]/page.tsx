import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { AgreementList } from "@/components/AgreementList";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { listPublishedAgreementsByOrganisation } from "@/lib/data/public";

export default async function HomePage() {
  // Published data changes without a rebuild: read it per request, never at build time.
  await connection();
  const groups = await listPublishedAgreementsByOrganisation(ANONYMOUS);

  return (
    <>
      <section aria-labelledby="intro" className="max-w-prose">
        <h1 id="intro" className="text-3xl font-bold sm:text-4xl">
          Are governments doing what they agreed?
        </h1>
        <p className="mt-3 text-lg">
          Accordwatch breaks an agreement between two governments into commitments, and each commitment into milestones
          with an owner, a deadline and evidence.
        </p>
        <p className="mt-3">
          From dated sources alone, and by published rules, it computes which milestones are on track, at risk, stalled,
          done, partly done or broken, and says why in a sentence you can check against the quoted sources. Every
          scorecard can be shown as it stood on any past date.
        </p>
      </section>

      <section aria-labelledby="published" className="mt-10">
        <h2 id="published" className="mb-4 text-2xl font-bold">
          Published scorecards
        </h2>
        {groups.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-400 bg-white p-6 text-muted">
            Nothing is published yet. When an organisation publishes the scorecard of an agreement, it appears here.
          </p>
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
