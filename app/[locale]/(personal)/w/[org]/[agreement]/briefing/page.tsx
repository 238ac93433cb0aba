import { getCurrentLocale, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { BriefingDocument } from "@/components/workspace/BriefingDocument";
import { getViewer } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { getAgreementBriefing } from "@/lib/data/briefing";
import { NotFoundError } from "@/lib/data/errors";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("briefing.agreementPage");
  return { title: t("metaTitle") };
}

interface Props {
  params: Promise<{ org: string; agreement: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** A reviewer's print-ready briefing on one agreement, drafts included, as of a day: the worst news first. */
export default async function AgreementBriefingPage({ params, searchParams }: Props) {
  const { org, agreement: slug } = await params;
  const query = await searchParams;
  const path = `/w/${org}/${slug}/briefing`;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") {
    const asked = typeof query.asOf === "string" ? `?${new URLSearchParams({ asOf: query.asOf }).toString()}` : "";
    return redirectToSignIn(`${path}${asked}`);
  }
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(query, today);
  const view = await getAgreementBriefing(viewer, org, slug, asOf, await getCurrentLocale()).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { organisation } = view;
  const t = await getTranslations("briefing");

  return (
    <BriefingDocument
      view={view}
      path={`/w/${organisation.slug}/${slug}/briefing`}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
      breadcrumbs={
        <nav aria-label={t("breadcrumbs")} className="text-sm">
          <Link href="/w">{t("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link> /{" "}
          <Link href={`/w/${organisation.slug}/${slug}`}>{view.title}</Link>
        </nav>
      }
      empty={<p>{t("agreementPage.empty")}</p>}
    />
  );
}
