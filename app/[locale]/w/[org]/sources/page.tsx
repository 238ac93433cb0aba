import { redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { SOURCE_KIND_LABELS } from "@/components/labels";
import { EditorForm } from "@/components/workspace/EditorForm";
import { sourceFields } from "@/components/workspace/editor-fields";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listSources } from "@/lib/data/workspace";
import { formatPreciseDate } from "@/lib/domain/dates";
import { createSourceAction, updateSourceAction } from "../actions";

export const metadata: Metadata = { title: "Sources — Accordwatch workspace" };

/** The organisation's sources: every one its records cite, with a form to add one and, per source, to correct it. */
export default async function SourcesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/sources`);
  const { organisation, sources } = await listSources(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayEdit = can(viewer, "organisation:write", { organisation: organisation.slug });
  return (
    <div>
      <nav aria-label="Breadcrumbs" className="text-sm">
        <Link href="/w">Workspace</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">Sources</h1>
      <p className="mt-2 max-w-prose">
        Every status update, deadline change, evidence link and observation cites one of these. A source is the
        organisation&apos;s: correcting it corrects every record that cites it.
      </p>
      {mayEdit ? (
        <section className="mt-6">
          <h2 className="text-xl font-semibold">Add a source</h2>
          <EditorForm
            action={createSourceAction}
            hidden={{ org: organisation.slug }}
            fields={sourceFields()}
            submitLabel="Add source"
            label="New source"
            columns
          />
        </section>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold">{sources.length === 1 ? "1 source" : `${sources.length} sources`}</h2>
      {sources.length === 0 ? <p className="mt-2">No sources yet.</p> : null}
      <ul className="mt-3 grid gap-3">
        {sources.map(({ source, version, citations }) => (
          <li key={source.id} id={`source-${source.id}`} className="rounded-lg border border-rule bg-white p-4">
            <h3 className="font-semibold">
              {source.outlet}: {source.title}
            </h3>
            <p className="text-sm text-muted">
              {SOURCE_KIND_LABELS[source.kind]} · published {formatPreciseDate(source.published)} · key {source.id} ·
              cited {citations === 1 ? "once" : `${citations} times`}
            </p>
            {source.url ? (
              <p className="text-sm break-all">
                <a href={source.url} rel="noopener noreferrer">
                  {source.url}
                </a>
              </p>
            ) : (
              <p className="text-sm text-muted">Address not known.</p>
            )}
            {mayEdit ? (
              <details className="mt-2">
                <summary className="cursor-pointer font-medium">Edit this source</summary>
                <EditorForm
                  action={updateSourceAction}
                  hidden={{ org: organisation.slug, source: source.id, expectedVersion: version }}
                  fields={sourceFields(source)}
                  submitLabel="Save source"
                  label={`Edit source ${source.title}`}
                  columns
                />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
