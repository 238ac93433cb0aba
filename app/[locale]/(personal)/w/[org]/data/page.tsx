import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/workspace/ImportForm";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { roleIn } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/data/errors";
import { listAgreements } from "@/lib/data/workspace";
import { importDocumentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("importExport.page");
  return { title: t("metaTitle") };
}

const linkClass = "inline-flex min-h-11 items-center font-semibold";

/**
 * The organisation's data as accordwatch/v1 documents: downloads of the full and the public export, and for editors
 * and admins the import form. What each may do is lib/data's to enforce; the page only leaves out what would be
 * refused.
 */
export default async function WorkspaceDataPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/data`);
  const { organisation, agreements } = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const role = roleIn(viewer, organisation.slug);
  const mayExport = can(viewer, "organisation:export", { organisation: organisation.slug });
  const mayImport = can(viewer, "organisation:import", { organisation: organisation.slug });
  const exportHref = `/w/${organisation.slug}/export`;
  const [t, nav, format] = await Promise.all([
    getTranslations("importExport.page"),
    getTranslations("workspace.nav"),
    getFormat(),
  ]);

  return (
    <div className="grid gap-8">
      <div>
        <nav aria-label={nav("breadcrumbs")} className="text-sm">
          <Link href="/w">{nav("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-prose text-muted">
          {t("intro", { organisation: organisation.name, count: agreements.length })}
          {role ? ` ${t("yourRole", { role: format.role(role) })}` : ""}
        </p>
      </div>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-xl font-semibold">
          {t("exportHeading")}
        </h2>
        <ul className="mt-2 grid gap-1">
          {mayExport ? (
            <li>
              <a href={exportHref} download className={linkClass}>
                {t("downloadFull")}
              </a>
            </li>
          ) : null}
          <li>
            <a href={`${exportHref}?public=1`} download className={linkClass}>
              {t("downloadPublic")}
            </a>
          </li>
        </ul>
        <p className="mt-2 max-w-prose text-sm text-muted">
          {t("exportNote")}
          {mayExport ? "" : ` ${t("publicOnly")}`}
        </p>
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-xl font-semibold">
          {t("importHeading")}
        </h2>
        {mayImport ? (
          <>
            <p className="mt-1 max-w-prose text-sm text-muted">{t("importNote")}</p>
            <div className="mt-3">
              <ImportForm action={importDocumentAction} org={organisation.slug} organisationName={organisation.name} />
            </div>
          </>
        ) : (
          <p className="mt-1 max-w-prose">{t("importForbidden", { organisation: organisation.name })}</p>
        )}
      </section>
    </div>
  );
}
