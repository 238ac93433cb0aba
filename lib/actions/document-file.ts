/**
 * An uploaded accordwatch/v1 file, read into text before it is parsed: the one size limit (shared by the form, the
 * server action and next.config.mjs, which must let a request this big through: document-limits.mjs) and the checks
 * that give a clear message about the file itself. Imports nothing but types and the limits: client components import
 * it. The messages are English unless the caller gives them in the reader's language (documentFileText).
 */
import type { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain/locale";
import type { Messages } from "@/messages/en";
import { MAX_DOCUMENT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./document-limits.mjs";

export { MAX_DOCUMENT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES };

/** "20 MB", "1.2 MB", "341 KB", "12 bytes": rounded up, so that a file just over the limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  return formatSize(bytes, "en");
}

/** formatBytes in a language: "20 Mo", "1,2 Mo", "341 Ko", "12 octets" in French. */
export function formatSize(bytes: number, locale: Locale): string {
  if (locale === "fr") {
    if (bytes >= 1_000_000) return `${String(Math.ceil(bytes / 100_000) / 10).replace(".", ",")}\u00a0Mo`;
    if (bytes >= 1_000) return `${Math.ceil(bytes / 1_000)}\u00a0Ko`;
    return `${bytes}\u00a0${bytes <= 1 ? "octet" : "octets"}`;
  }
  if (bytes >= 1_000_000) return `${Math.ceil(bytes / 100_000) / 10} MB`;
  if (bytes >= 1_000) return `${Math.ceil(bytes / 1_000)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** The limit as people read it. */
export const MAX_DOCUMENT_SIZE_LABEL = formatBytes(MAX_DOCUMENT_BYTES);

export type DocumentFileResult = { ok: true; text: string } | { ok: false; message: string };

/** What is said about a file, in one language. */
export interface DocumentFileText {
  readonly locale: Locale;
  missing(): string;
  tooBig(size: string, limit: string): string;
  notJson(name: string): string;
  notUtf8(name: string): string;
  empty(name: string): string;
}

const ENGLISH: DocumentFileText = {
  locale: "en",
  missing: () => "Choose an accordwatch/v1 file (.json) to import.",
  tooBig: (size, limit) => `The file is ${size}; the largest file that can be imported is ${limit}.`,
  notJson: (name) => `“${name}” is not a JSON file: choose an accordwatch/v1 document (.json).`,
  notUtf8: (name) => `“${name}” is not UTF-8 text: an accordwatch/v1 document is JSON in UTF-8.`,
  empty: (name) => `“${name}” is empty.`,
};

/** The messages in the reader's language: `useTranslations("importExport")` or `await getTranslations(…)`. */
export function documentFileText(
  t: ReturnType<typeof createTranslator<Messages, "importExport">>,
  locale: Locale,
): DocumentFileText {
  return {
    locale,
    missing: () => t("file.missing"),
    tooBig: (size, limit) => t("file.tooBig", { size, limit }),
    notJson: (name) => t("file.notJson", { name }),
    notUtf8: (name) => t("file.notUtf8", { name }),
    empty: (name) => t("file.empty", { name }),
  };
}

/** The message for a file over the limit, or null; the form says it before uploading, the action again. */
export function fileSizeProblem(size: number, text: DocumentFileText = ENGLISH): string | null {
  return size > MAX_DOCUMENT_BYTES
    ? text.tooBig(formatSize(size, text.locale), formatSize(MAX_DOCUMENT_BYTES, text.locale))
    : null;
}

function looksLikeJson(file: File): boolean {
  return file.name.toLowerCase().endsWith(".json") || /^application\/([\w.+-]+\+)?json\b/i.test(file.type);
}

/**
 * The text of the form's file field, or what is wrong with the file: none chosen, empty, too big, not a .json
 * file, not UTF-8. Whether the text is JSON and an accordwatch/v1 document is parseInterchangeText's to say.
 */
export async function readDocumentFile(
  value: FormDataEntryValue | null,
  text: DocumentFileText = ENGLISH,
): Promise<DocumentFileResult> {
  // A form submitted without a file sends an empty, nameless part.
  if (!(value instanceof File) || (value.name === "" && value.size === 0)) {
    return { ok: false, message: text.missing() };
  }
  const tooBig = fileSizeProblem(value.size, text);
  if (tooBig !== null) return { ok: false, message: tooBig };
  if (!looksLikeJson(value)) {
    return { ok: false, message: text.notJson(value.name) };
  }
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer());
  } catch {
    return { ok: false, message: text.notUtf8(value.name) };
  }
  // The decoder has dropped a byte order mark already.
  if (decoded.trim() === "") {
    return { ok: false, message: text.empty(value.name) };
  }
  return { ok: true, text: decoded };
}
