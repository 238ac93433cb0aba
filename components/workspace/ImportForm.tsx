"use client";
import { useTranslations } from "next-intl";
import { ClientLink as Link } from "@/lib/i18n/client-navigation";
import { startTransition, useActionState, useId, useState, type ChangeEvent, type FormEvent } from "react";
import type { ImportState } from "@/app/[locale]/(personal)/w/[org]/data/actions";
import { documentFileText, fileSizeProblem, formatSize, MAX_DOCUMENT_BYTES } from "@/lib/actions/document-file";
import { IDLE } from "@/lib/actions/state";
import { useFormat } from "@/lib/i18n/format";
import { FormMessage } from "./FormMessage";

interface Props {
  action: (previous: ImportState, form: FormData) => Promise<ImportState>;
  org: string;
  organisationName: string;
}

type Intent = "check" | "import";

/**
 * Uploads an accordwatch/v1 document to check it (nothing written) or import it. Every error of a refused document
 * is listed with its path; a problem with the file itself is said beside the file field.
 */
export function ImportForm({ action, org, organisationName }: Props) {
  const tAll = useTranslations("importExport");
  const t = useTranslations("importExport.form");
  const { locale } = useFormat();
  const [state, formAction, pending] = useActionState<ImportState, FormData>(action, IDLE);
  const [intent, setIntent] = useState<Intent>("import");
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
  // The outcome on screen when another file was chosen: its messages about the file no longer apply.
  const [fileChangedAt, setFileChangedAt] = useState<ImportState | null>(null);
  const id = useId();
  const fileId = `${id}-document`;

  const serverFileErrors =
    state.status === "error" && fileChangedAt !== state ? (state.fieldErrors.document ?? []) : [];
  const fileErrors = sizeProblem ? [sizeProblem] : serverFileErrors;

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Said before uploading: a body over the server's limit never reaches the action that would explain it.
    const problem = file ? fileSizeProblem(file.size, documentFileText(tAll, locale)) : null;
    event.currentTarget.setCustomValidity(problem ?? "");
    setSizeProblem(problem);
    setFileChangedAt(state);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Sent by hand rather than by React's form action, which resets the form when it is done: the chosen file and
    // the checkbox stay, so "Check only" can be followed by "Import" without choosing the file again.
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    setIntent(data.get("intent") === "check" ? "check" : "import");
    startTransition(() => formAction(data));
  }

  return (
    <div className="grid gap-4">
      <form action={formAction} onSubmit={onSubmit} className="grid gap-4 rounded-lg border border-rule bg-white p-4">
        <input type="hidden" name="org" value={org} />
        <div>
          <label htmlFor={fileId} className="block font-medium">
            {t("document")}
          </label>
          <input
            id={fileId}
            name="document"
            type="file"
            accept=".json,application/json"
            required
            onChange={onFileChange}
            aria-invalid={fileErrors.length > 0 ? true : undefined}
            aria-describedby={`${fileId}-hint ${fileId}-error`}
            className="mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700"
          />
          <p id={`${fileId}-hint`} className="mt-1 text-sm text-muted">
            {t("documentHint", { limit: formatSize(MAX_DOCUMENT_BYTES, locale) })}
          </p>
          <p id={`${fileId}-error`} aria-live="polite" className="text-sm text-red-800">
            {fileErrors.join(" ")}
          </p>
        </div>
        <div>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="replace" className="mt-1" aria-describedby={`${id}-replace-hint`} />
            <span>{t("replace")}</span>
          </label>
          <p id={`${id}-replace-hint`} className="mt-1 text-sm text-muted">
            {t("replaceHint", { organisation: organisationName })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            name="intent"
            value="check"
            disabled={pending}
            className="rounded border border-stone-900 bg-white px-3 py-1.5 font-semibold disabled:opacity-60"
          >
            {pending && intent === "check" ? t("checking") : t("check")}
          </button>
          <button
            type="submit"
            name="intent"
            value="import"
            disabled={pending}
            className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
          >
            {pending && intent === "import" ? t("importing") : t("import")}
          </button>
        </div>
        <FormMessage state={state} id={`${id}-message`} />
      </form>

      {state.issues && state.issues.length > 0 ? (
        <section aria-labelledby={`${id}-issues`} className="rounded-lg border border-red-800 bg-white p-4">
          <h3 id={`${id}-issues`} className="text-lg font-semibold">
            {t("issuesHeading", { count: state.issues.length })}
          </h3>
          <p className="mt-1 text-sm">{t("issuesNote")}</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-rule bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("path")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("error")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.issues.map((issue, i) => (
                  <tr key={i} className="border-b border-rule align-top last:border-b-0">
                    <td className="px-3 py-2">
                      <IssuePath path={issue.path} whole={t("wholeDocument")} />
                    </td>
                    <td className="px-3 py-2">{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {state.status === "ok" && state.check ? (
        <section aria-labelledby={`${id}-check`} className="rounded-lg border border-rule bg-white p-4">
          <h3 id={`${id}-check`} className="text-lg font-semibold">
            {t("checkHeading")}
          </h3>
          <ul className="mt-2 grid list-disc gap-1 pl-5">
            <li>
              {state.check.agreements.length > 0
                ? t.rich("checkAgreements", {
                    count: state.check.agreements.length,
                    slugs: () => <SlugList slugs={state.check?.agreements ?? []} />,
                  })
                : t("checkAgreementsNone", { count: 0 })}
            </li>
            <li>
              {t("checkSources", {
                count: state.check.sources,
                existing: state.check.existingSources,
                organisation: organisationName,
              })}
            </li>
            {state.check.existingAgreements.length === 0 ? (
              <li>{t("checkNoneExisting", { organisation: organisationName })}</li>
            ) : (
              <li>
                {t.rich("checkExisting", {
                  organisation: organisationName,
                  slugs: () => <SlugList slugs={state.check?.existingAgreements ?? []} org={org} />,
                })}{" "}
                {state.check.replace ? t("checkReplaces") : t("checkRefused")}
              </li>
            )}
          </ul>
        </section>
      ) : null}

      {state.status === "ok" && state.imported ? (
        <section aria-labelledby={`${id}-imported`} className="rounded-lg border border-emerald-700 bg-emerald-50 p-4">
          <h3 id={`${id}-imported`} className="text-lg font-semibold">
            {t("importedHeading", { organisation: organisationName })}
          </h3>
          <ul className="mt-2 grid list-disc gap-1 pl-5">
            {state.imported.agreements.map((slug) => (
              <li key={slug}>
                <Link href={`/w/${org}/${slug}`}>{slug}</Link>{" "}
                {state.imported?.replaced.includes(slug) ? t("replaced") : t("new")}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">{t("importedSources", { count: state.imported.sources })}</p>
        </section>
      ) : null}
    </div>
  );
}

/** Slugs, comma-separated; links to the workspace pages when the agreements exist in `org`. */
function SlugList({ slugs, org }: { slugs: readonly string[]; org?: string }) {
  return slugs.map((slug, i) => (
    <span key={slug}>
      {i > 0 ? ", " : ""}
      {org ? (
        <Link href={`/w/${org}/${slug}`}>
          <code>{slug}</code>
        </Link>
      ) : (
        <code>{slug}</code>
      )}
    </span>
  ));
}

/** A JSON path that may wrap before each `.key` and `[index]`, never inside a name. */
function IssuePath({ path, whole }: { path: string; whole: string }) {
  if (path === "") return <code>{whole}</code>;
  return (
    <code>
      {path.split(/(?=[.[])/).map((part, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </code>
  );
}
