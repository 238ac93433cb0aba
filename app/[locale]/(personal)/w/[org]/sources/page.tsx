import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { EditorForm } from "@/components/workspace/EditorForm";
import { sourceFields } from "@/components/workspace/editor-fields";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listSources } from "@/lib/data/workspace";
import { createSourceAction, updateSourceAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.sources");
  return { title: t("metaTitle") };
}

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
  const [t, nav, fields, format] = await Promise.all([
    getTranslations("workspace.sources"),
    getTranslations("workspace.nav"),
    getTranslations("editor.fields"),
    getFormat(),
  ]);
  const text = { t: fields, format };
  return (
    <div>
      <nav aria-label={nav("breadcrumbs")} className="text-sm">
        <Link href="/w">{nav("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose">{t("intro")}</p>
      {mayEdit ? (
        <section className="mt-6">
          <h2 className="text-xl font-semibold">{t("addHeading")}</h2>
          <EditorForm
            action={createSourceAction}
            hidden={{ org: organisation.slug }}
            fields={sourceFields(text)}
            submitLabel={t("addSubmit")}
            label={t("addLabel")}
            columns
          />
        </section>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold">{t("count", { count: sources.length })}</h2>
      {sources.length === 0 ? <p className="mt-2">{t("none")}</p> : null}
      <ul className="mt-3 grid gap-3">
        {sources.map(({ source, version, citations }) => (
          <li key={source.id} id={`source-${source.id}`} className="rounded-lg border border-rule bg-white p-4">
            <h3 className="font-semibold">{t("heading", { outlet: source.outlet, title: source.title })}</h3>
            <p className="text-sm text-muted">
              {t("meta", {
                kind: format.labels.sourceKind[source.kind],
                date: format.date(source.published),
                precision: source.published.precision,
                key: source.id,
                citations,
              })}
            </p>
            {source.url ? (
              <p className="text-sm break-all">
                <a href={source.url} rel="noopener noreferrer">
                  {source.url}
                </a>
              </p>
            ) : (
              <p className="text-sm text-muted">{t("addressUnknown")}</p>
            )}
            {mayEdit ? (
              <details className="mt-2">
                <summary className="cursor-pointer font-medium">{t("edit")}</summary>
                <EditorForm
                  action={updateSourceAction}
                  hidden={{ org: organisation.slug, source: source.id, expectedVersion: version }}
                  fields={sourceFields(text, source)}
                  submitLabel={t("save")}
                  label={t("editLabel", { title: source.title })}
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
