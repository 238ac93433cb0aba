import { redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { roleLabel } from "@/components/labels";
import { ImportForm } from "@/components/workspace/ImportForm";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { roleIn } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/data/errors";
import { listAgreements } from "@/lib/data/workspace";
import { importDocumentAction } from "./actions";

export const metadata: Metadata = { title: "Import and export — Accordwatch workspace" };

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

  return (
    <div className="grid gap-8">
      <div>
        <nav aria-label="Breadcrumbs" className="text-sm">
          <Link href="/w">Workspace</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">Import and export</h1>
        <p className="mt-2 max-w-prose text-muted">
          {organisation.name} has {agreements.length} {agreements.length === 1 ? "agreement" : "agreements"}, drafts
          included. Both directions use the accordwatch/v1 format: one JSON document with the agreements, their whole
          history and the sources they cite.
          {role ? ` Your role: ${roleLabel(role)}.` : ""}
        </p>
      </div>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-xl font-semibold">
          Export
        </h2>
        <ul className="mt-2 grid gap-1">
          {mayExport ? (
            <li>
              <a href={exportHref} download className={linkClass}>
                Download the full export (drafts included)
              </a>
            </li>
          ) : null}
          <li>
            <a href={`${exportHref}?public=1`} download className={linkClass}>
              Download the public export (published agreements only)
            </a>
          </li>
        </ul>
        <p className="mt-2 max-w-prose text-sm text-muted">
          Editors and admins may download the full export, drafts included. The public export holds what the public
          scorecard shows: the published agreements and the sources they cite.
          {mayExport ? "" : " Your role allows the public export only."}
        </p>
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-xl font-semibold">
          Import
        </h2>
        {mayImport ? (
          <>
            <p className="mt-1 max-w-prose text-sm text-muted">
              Check a document first if you like: &ldquo;Check only&rdquo; lists every error with its path, or says what
              an import would add and replace, and writes nothing. An import is all or nothing, and is recorded in the
              organisation&apos;s history.
            </p>
            <div className="mt-3">
              <ImportForm action={importDocumentAction} org={organisation.slug} organisationName={organisation.name} />
            </div>
          </>
        ) : (
          <p className="mt-1 max-w-prose">
            Only editors and admins may import documents into {organisation.name}. Ask one of them to import yours.
          </p>
        )}
      </section>
    </div>
  );
}
