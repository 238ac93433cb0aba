import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AgreementList } from "@/components/AgreementList";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedOrganisation } from "@/lib/data/public";
import { feedAlternates, findPath, organisationFeedPath } from "@/lib/urls";

interface OrganisationPageProps {
  params: Promise<{ org: string }>;
}

// One load per request, shared by generateMetadata and the page.
const loadOrganisation = cache((orgSlug: string) => getPublishedOrganisation(ANONYMOUS, orgSlug));

export async function generateMetadata({ params }: OrganisationPageProps): Promise<Metadata> {
  const { org } = await params;
  const found = await loadOrganisation(org);
  if (!found) return { title: "Not found" };
  return {
    title: found.organisation.name,
    description: `Scorecards published by ${found.organisation.name} on Accordwatch.`,
    alternates: feedAlternates(found.organisation),
  };
}

export default async function OrganisationPage({ params }: OrganisationPageProps) {
  const { org } = await params;
  const found = await loadOrganisation(org);
  if (!found || found.agreements.length === 0) notFound();
  const { organisation, agreements } = found;

  return (
    <>
      <Breadcrumbs items={[{ label: "Accordwatch", href: "/" }, { label: organisation.name }]} />
      <h1 className="text-3xl font-bold sm:text-4xl">{organisation.name}</h1>
      <p className="mt-2 mb-6 text-muted">
        Published scorecards: {agreements.length} {agreements.length === 1 ? "agreement" : "agreements"}.
      </p>
      <p className="mb-6">
        <a href={findPath(organisation.slug)}>Find milestones by text, party, health, owner or tag</a>
      </p>
      <AgreementList orgSlug={organisation.slug} agreements={agreements} headingLevel={2} />
      <p className="mt-6">
        <a href={organisationFeedPath(organisation.slug)} type="application/atom+xml">
          Follow every change to these scorecards (Atom feed)
        </a>
      </p>
    </>
  );
}
