"use server";
/**
 * Server action of the import form: thin (read the uploaded file, check it, then check or import it through
 * lib/data, revalidate what an import changes). Validation of the document and authorization are lib/data's; a
 * document with any error writes nothing, and every error comes back with its path.
 */
import { revalidatePath } from "next/cache";
import { readDocumentFile } from "@/lib/actions/document-file";
import { actionError } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { getViewer } from "@/lib/auth/session";
import { ConflictError } from "@/lib/data/errors";
import { checkImportDocument, importDocument, type ImportCheck } from "@/lib/data/import-dataset";
import type { InterchangeIssue } from "@/lib/domain/interchange";

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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function fileRefused(message: string): ImportState {
  return {
    status: "error",
    message: "Nothing was imported: see the message beside the file.",
    fieldErrors: { document: [message] },
  };
}

/** An issue at the root is about the file as a whole (not JSON, not an object): said beside the file field. */
function documentRefused(errors: readonly InterchangeIssue[]): ImportState {
  const root = errors.filter((e) => e.path === "");
  const issues = errors.filter((e) => e.path !== "");
  if (issues.length === 0) {
    return fileRefused(`This file is not an accordwatch/v1 document: ${root.map((e) => e.message).join("; ")}`);
  }
  return {
    status: "error",
    message: `The document has ${plural(issues.length, "error")}; nothing was imported.`,
    fieldErrors: root.length > 0 ? { document: root.map((e) => e.message) } : {},
    issues,
  };
}

function revalidateImport(org: string, agreements: readonly string[]): void {
  for (const agreement of agreements) {
    revalidatePath(`/w/${org}/${agreement}`);
    revalidatePath(`/${org}/${agreement}`);
  }
  for (const path of [`/w/${org}`, `/w/${org}/data`, `/w/${org}/history`, `/w/${org}/changes`, `/${org}`, "/"]) {
    revalidatePath(path);
  }
}

export async function importDocumentAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const org = text(form, "org");
  const replace = form.get("replace") === "on";
  const file = await readDocumentFile(form.get("document"));
  if (!file.ok) return fileRefused(file.message);
  try {
    const viewer = await getViewer();
    if (text(form, "intent") === "check") {
      const outcome = await checkImportDocument(viewer, org, file.text);
      if (!outcome.ok) return documentRefused(outcome.errors);
      return {
        status: "ok",
        message: "The document is valid. Nothing was written.",
        check: { ...outcome.check, replace },
      };
    }
    const outcome = await importDocument(viewer, org, file.text, { replace });
    if (!outcome.ok) return documentRefused(outcome.errors);
    const { imported, replaced, sources } = outcome.result;
    revalidateImport(org, imported);
    return {
      status: "ok",
      message: `Imported ${plural(imported.length, "agreement")} and ${plural(sources, "source")}.`,
      imported: { agreements: imported, replaced, sources },
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      const remedy = "Tick “Replace agreements that already exist” to replace them.";
      return { status: "error", message: `${error.message} ${remedy}`, fieldErrors: {} };
    }
    return actionError(error);
  }
}
