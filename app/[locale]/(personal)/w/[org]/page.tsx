import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { EditorForm } from "@/components/workspace/EditorForm";
import { newAgreementFields } from "@/components/workspace/editor-fields";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { listAgreements } from "@/lib/data/workspace";
import { createAgreementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.organisation");
  return { title: t("metaTitle") };
}

export default async function WorkspaceOrganisationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}`);
  const listed = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayEdit = can(viewer, "organisation:write", { organisation: listed.organisation.slug });
  const mayManageWebhooks = can(viewer, "organisation:manage-webhooks", { organisation: listed.organisation.slug });
  const [t, nav, fields, format, tn, unread] = await Promise.all([
    getTranslations("workspace.organisation"),
    getTranslations("workspace.nav"),
    getTranslations("editor.fields"),
    getFormat(),
    getTranslations("notifications"),
    countUnreadNotifications(viewer, org),
  ]);

  return (
    <div>
      <p className="text-sm">
        <Link href="/w">{nav("workspace")}</Link> · <Link href={`/w/${org}/members`}>{t("members")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold">{listed.organisation.name}</h1>
      <nav aria-label={t("navLabel")} className="mt-3">
        <ul className="flex flex-wrap gap-4 text-sm">
          <li>
            <Link href={`/w/${org}/sources`}>{t("sources")}</Link>
          </li>
          <li>
            <Link href={`/w/${org}/data`}>{t("data")}</Link>
          </li>
          <li>
            <Link href={`/w/${org}/history`}>{t("history")}</Link>
          </li>
          <li>
            <Link href={`/w/${org}/changes`}>{t("changes")}</Link>
          </li>
          <li>
            <Link href={`/w/${org}/watchlist`}>{t("watchlist")}</Link>
          </li>
          <li>
            <Link href={`/w/${org}/notifications`}>{tn("page.title")}</Link>
            {unread > 0 ? ` (${tn("page.navUnread", { count: unread })})` : null}
          </li>
          {mayManageWebhooks ? (
            <li>
              <Link href={`/w/${org}/webhooks`}>{tn("webhooks.link")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <h2 className="mt-6 text-xl font-semibold">{t("agreementsHeading")}</h2>
      {listed.agreements.length === 0 ? (
        <p className="mt-2">
          {t("noAgreements")}{" "}
          {mayEdit
            ? t.rich("noAgreementsEditor", { link: (chunks) => <Link href={`/w/${org}/data`}>{chunks}</Link> })
            : t("noAgreementsReader")}
        </p>
      ) : (
        <ul className="mt-3 grid gap-3">
          {listed.agreements.map((a) => (
            <li key={a.slug} className="rounded-lg border border-rule bg-white p-4">
              <Link href={`/w/${org}/${a.slug}`} className="text-lg font-semibold">
                {a.title}
              </Link>{" "}
              <span className="ml-1 rounded border border-stone-400 px-1.5 text-xs font-semibold">
                {a.published ? t("published") : t("draft")}
              </span>
              <p className="text-sm text-muted">
                {t("partiesAnnounced", {
                  parties: t("parties", { first: format.party(a.parties[0]), second: format.party(a.parties[1]) }),
                  date: format.date(a.announced),
                  precision: a.announced.precision,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">{t("newAgreementHeading")}</h2>
          <details className="mt-2" open={listed.agreements.length === 0}>
            <summary className="cursor-pointer font-medium">{t("createAgreement")}</summary>
            <EditorForm
              action={createAgreementAction}
              hidden={{ org: listed.organisation.slug }}
              fields={newAgreementFields({ t: fields, format })}
              submitLabel={t("createAgreementSubmit")}
              label={t("newAgreementLabel")}
              columns
            />
          </details>
        </section>
      ) : null}
    </div>
  );
}
