import { getCurrentLocale, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { AuditList, entityTypeValues, recordHref } from "@/components/workspace/AuditList";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError, ValidationError } from "@/lib/data/errors";
import { listAuditEvents, type AuditEventPage, type AuditEventView } from "@/lib/data/history";
import { listAgreements } from "@/lib/data/workspace";
import { localiseMessage } from "@/lib/domain/messages-fr";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.history");
  return { title: t("metaTitle") };
}

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function one(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

/** The organisation's audit log, newest first, optionally of one entity; "Older" pages back with the cursor. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const { org } = await params;
  const query = await searchParams;
  const entityType = one(query.entityType);
  const entityId = one(query.entityId);
  const cursor = one(query.cursor);
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") {
    const here = new URLSearchParams(
      Object.entries({ entityType, entityId, cursor }).filter((e): e is [string, string] => e[1] !== undefined),
    ).toString();
    return redirectToSignIn(`/w/${org}/history${here ? `?${here}` : ""}`);
  }
  // The organisation's name for the breadcrumbs, and a 404 for a non-member before anything else is read.
  const { organisation } = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("review");
  let page: AuditEventPage | null = null;
  let refused: string | null = null;
  try {
    page = await listAuditEvents(viewer, org, { entityType, entityId, cursor });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof ValidationError)) throw error;
    const locale = await getCurrentLocale();
    refused =
      Object.values(error.fieldErrors)
        .flat()
        .map((message) => localiseMessage(message, locale))
        .join(" ") || t("history.pageMissing");
  }
  const base = `/w/${organisation.slug}/history`;
  const subject = page?.subject ?? null;
  const historyHref = (event: AuditEventView) =>
    `${base}?${new URLSearchParams({ entityType: event.entity.type, entityId: event.entity.id }).toString()}`;
  const olderHref =
    page?.nextCursor == null
      ? null
      : `${base}?${new URLSearchParams({
          ...(entityType === undefined ? {} : { entityType }),
          ...(entityId === undefined ? {} : { entityId }),
          cursor: page.nextCursor,
        }).toString()}`;

  return (
    <div>
      <nav aria-label={t("breadcrumbs")} className="text-sm">
        <Link href="/w">{t("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">{t("history.title")}</h1>
      <p className="mt-2 text-sm text-muted">{t("history.intro")}</p>
      {entityType !== undefined || entityId !== undefined ? (
        <p className="mt-2 text-sm">
          {t.rich("history.filter", {
            type: entityType === undefined ? t("history.anyRecord") : t("entityType", entityTypeValues(entityType)),
            hasSubject: entityId === undefined ? "no" : "yes",
            withComments:
              entityId !== undefined && (entityType === "milestone" || entityType === "commitment") ? "yes" : "no",
            subject: () =>
              subject === null ? (
                entityId
              ) : subject.title === null ? (
                t.rich("history.deletedSubject", {
                  id: subject.id,
                  code: (chunks) => <code className="break-all">{chunks}</code>,
                })
              ) : subject.place === null ? (
                t("quoted", { title: subject.title })
              ) : (
                <Link href={recordHref(organisation.slug, subject.place)}>{t("quoted", { title: subject.title })}</Link>
              ),
            all: (chunks) => <Link href={base}>{chunks}</Link>,
          })}
        </p>
      ) : null}
      {refused !== null ? (
        <p role="alert" className="mt-4 font-semibold text-red-800">
          {refused} <Link href={base}>{t("history.startFromNewest")}</Link>
        </p>
      ) : page === null || page.events.length === 0 ? (
        <p className="mt-4">{cursor === undefined ? t("history.none") : t("history.noOlder")}</p>
      ) : (
        <AuditList org={organisation.slug} events={page.events} historyHref={historyHref} />
      )}
      <nav aria-label={t("history.pages")} className="mt-4 flex gap-4 text-sm">
        {cursor !== undefined ? <Link href={base}>{t("history.newest")}</Link> : null}
        {olderHref !== null ? <Link href={olderHref}>{t("history.older")}</Link> : null}
      </nav>
    </div>
  );
}
