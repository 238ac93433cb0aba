"use server";
/**
 * Server action of the import form: thin (read the uploaded file, check it, then check or import it through
 * lib/data, revalidate what an import changes). Validation of the document and authorization are lib/data's; a
 * document with any error writes nothing, and every error comes back with its path.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { revalidatePublicPages } from "@/lib/actions/revalidate";
import { documentFileText, readDocumentFile } from "@/lib/actions/document-file";
import { actionError, actionErrorText } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/data/errors";
import { checkImportDocument, importDocument, type ImportCheck } from "@/lib/data/import-dataset";
import type { InterchangeIssue } from "@/lib/domain/interchange";
import type { Locale } from "@/lib/domain/locale";
import { localiseMessage } from "@/lib/domain/messages-fr";
import { getCurrentLocale } from "@/lib/i18n/server";

export interface ImportedAgreements {
  readonly agreements: readonly string[];
  readonly replaced: readonly string[];
  readonly sources: number;
}

export type ImportState = ActionState & {
  /** The document's errors, each with its path (those about the file as a whole are field errors of `document`). */
  readonly issues?: readonly InterchangeIssue[];
  /** "Check only": what an import would do, and whether replacing was asked for. */
  readonly check?: ImportCheck & { readonly replace: boolean };
  readonly imported?: ImportedAgreements;
};

/** The action's messages, in the language of the page that sent the form. */
type ImportText = Awaited<ReturnType<typeof getTranslations<"importExport">>>;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function fileRefused(t: ImportText, message: string): ImportState {
  return {
    status: "error",
    message: t("action.fileRefused"),
    fieldErrors: { document: [message] },
  };
}

/**
 * An issue at the root is about the file as a whole (not JSON, not an object): said beside the file field. The
 * messages are the interchange format's, in English (spec/interchange.md): said in the page's language.
 */
function documentRefused(t: ImportText, locale: Locale, errors: readonly InterchangeIssue[]): ImportState {
  const localised = errors.map((e) => ({ path: e.path, message: localiseMessage(e.message, locale) }));
  const root = localised.filter((e) => e.path === "");
  const issues = localised.filter((e) => e.path !== "");
  if (issues.length === 0) {
    const problems = root.map((e) => e.message).join(t("action.separator"));
    return fileRefused(t, t("action.notADocument", { problems }));
  }
  return {
    status: "error",
    message: t("action.documentErrors", { count: issues.length }),
    fieldErrors: root.length > 0 ? { document: root.map((e) => e.message) } : {},
    issues,
  };
}

function revalidateImport(org: string, agreements: readonly string[]): void {
  for (const agreement of agreements) {
    revalidatePath(`/w/${org}/${agreement}`);
  }
  for (const path of [`/w/${org}`, `/w/${org}/data`, `/w/${org}/history`, `/w/${org}/changes`]) {
    revalidatePath(path);
  }
  revalidatePublicPages();
}

/**
 * The refusal of an import whose agreements the organisation has already, naming them (as the check finds them)
 * and how to replace them; the data layer's own message if the check cannot say.
 */
async function alreadyThere(
  t: ImportText,
  locale: Locale,
  viewer: Viewer,
  org: string,
  document: string,
  error: ConflictError,
): Promise<string> {
  const fallback = `${localiseMessage(error.message, locale)} ${t("action.remedy")}`;
  try {
    const outcome = await checkImportDocument(viewer, org, document);
    const slugs = outcome.ok ? outcome.check.existingAgreements : [];
    if (slugs.length === 0) return fallback;
    return t("action.alreadyThere", { org, slugs: slugs.join(", "), count: slugs.length });
  } catch {
    return fallback;
  }
}

export async function importDocumentAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const org = text(form, "org");
  const replace = form.get("replace") === "on";
  const [t, locale] = await Promise.all([getTranslations("importExport"), getCurrentLocale()]);
  const file = await readDocumentFile(form.get("document"), documentFileText(t, locale));
  if (!file.ok) return fileRefused(t, file.message);
  let viewer: Viewer | undefined;
  try {
    viewer = await getViewer();
    if (text(form, "intent") === "check") {
      const outcome = await checkImportDocument(viewer, org, file.text);
      if (!outcome.ok) return documentRefused(t, locale, outcome.errors);
      return {
        status: "ok",
        message: t("action.valid"),
        check: { ...outcome.check, replace },
      };
    }
    const outcome = await importDocument(viewer, org, file.text, { replace });
    if (!outcome.ok) return documentRefused(t, locale, outcome.errors);
    const { imported, replaced, sources } = outcome.result;
    revalidateImport(org, imported);
    return {
      status: "ok",
      message: t("action.imported", { agreements: imported.length, sources }),
      imported: { agreements: imported, replaced, sources },
    };
  } catch (error) {
    if (error instanceof ConflictError && viewer !== undefined) {
      return {
        status: "error",
        message: await alreadyThere(t, locale, viewer, org, file.text, error),
        fieldErrors: {},
      };
    }
    return actionError(error, await actionErrorText());
  }
}
