import { redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { EditorForm } from "@/components/workspace/EditorForm";
import { newAgreementFields } from "@/components/workspace/editor-fields";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listAgreements } from "@/lib/data/workspace";
import { formatPreciseDate } from "@/lib/domain/dates";
import { partyLabel } from "@/components/labels";
import { createAgreementAction } from "./actions";

export const metadata: Metadata = { title: "Agreements — Accordwatch workspace" };

export default async function WorkspaceOrganisationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}`);
  const listed = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayEdit = can(viewer, "organisation:write", { organisation: listed.organisation.slug });
  return (
    <div>
      <p className="text-sm">
        <Link href="/w">Workspace</Link> · <Link href={`/w/${org}/members`}>Members</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold">{listed.organisation.name}</h1>
      <nav aria-label="Organisation" className="mt-3">
        <ul className="flex flex-wrap gap-4 text-sm">
          <li>
            <Link href={`/w/${org}/sources`}>Sources</Link>
          </li>
          <li>
            <Link href={`/w/${org}/data`}>Import and export</Link>
          </li>
          <li>
            <Link href={`/w/${org}/history`}>History</Link>
          </li>
          <li>
            <Link href={`/w/${org}/changes`}>Changes since…</Link>
          </li>
          <li>
            <Link href={`/w/${org}/watchlist`}>Watchlist</Link>
          </li>
        </ul>
      </nav>
      <h2 className="mt-6 text-xl font-semibold">Agreements, drafts included</h2>
      {listed.agreements.length === 0 ? (
        <p className="mt-2">
          No agreements yet.{" "}
          {mayEdit ? (
            <>
              Create one below, or <Link href={`/w/${org}/data`}>import an accordwatch/v1 document</Link>.
            </>
          ) : (
            "Editors create them here."
          )}
        </p>
      ) : (
        <ul className="mt-3 grid gap-3">
          {listed.agreements.map((a) => (
            <li key={a.slug} className="rounded-lg border border-rule bg-white p-4">
              <Link href={`/w/${org}/${a.slug}`} className="text-lg font-semibold">
                {a.title}
              </Link>{" "}
              <span className="ml-1 rounded border border-stone-400 px-1.5 text-xs font-semibold">
                {a.published ? "Published" : "Draft"}
              </span>
              <p className="text-sm text-muted">
                {a.parties.map((code) => partyLabel(code)).join(" and ")} · announced {formatPreciseDate(a.announced)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">New agreement</h2>
          <details className="mt-2" open={listed.agreements.length === 0}>
            <summary className="cursor-pointer font-medium">Create an agreement</summary>
            <EditorForm
              action={createAgreementAction}
              hidden={{ org: listed.organisation.slug }}
              fields={newAgreementFields()}
              submitLabel="Create agreement"
              label="New agreement"
              columns
            />
          </details>
        </section>
      ) : null}
    </div>
  );
}
