/**
 * An uploaded accordwatch/v1 file, read into text before it is parsed: the one size limit (shared by the form, the
 * server action and next.config.ts, which must let a request this big through) and the checks that give a clear
 * message about the file itself. Imports nothing: client components and next.config.ts import it.
 */

/**
 * The largest file the workspace imports. Never more characters than parseInterchangeText accepts
 * (MAX_DOCUMENT_CHARS, 20 000 000): UTF-8 takes at least one byte per character.
 */
export const MAX_DOCUMENT_BYTES = 20_000_000;

/**
 * What next.config.ts lets a server action's body be: the file plus room for the multipart framing and the form's
 * other fields, so that a file at the limit reaches the action and one over it is refused there with a message.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = MAX_DOCUMENT_BYTES + 1_000_000;

/** The limit as people read it. */
export const MAX_DOCUMENT_SIZE_LABEL = formatBytes(MAX_DOCUMENT_BYTES);

export type DocumentFileResult = { ok: true; text: string } | { ok: false; message: string };

/** "20 MB", "1.2 MB", "341 KB", "12 bytes": rounded up, so that a file just over the limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.ceil(bytes / 100_000) / 10} MB`;
  if (bytes >= 1_000) return `${Math.ceil(bytes / 1_000)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** The message for a file over the limit, or null; the form says it before uploading, the action again. */
export function fileSizeProblem(size: number): string | null {
  return size > MAX_DOCUMENT_BYTES
    ? `The file is ${formatBytes(size)}; the largest file that can be imported is ${MAX_DOCUMENT_SIZE_LABEL}.`
    : null;
}

function looksLikeJson(file: File): boolean {
  return file.name.toLowerCase().endsWith(".json") || /^application\/([\w.+-]+\+)?json\b/i.test(file.type);
}

/**
 * The text of the form's file field, or what is wrong with the file: none chosen, empty, too big, not a .json
 * file, not UTF-8. Whether the text is JSON and an accordwatch/v1 document is parseInterchangeText's to say.
 */
export async function readDocumentFile(value: FormDataEntryValue | null): Promise<DocumentFileResult> {
  // A form submitted without a file sends an empty, nameless part.
  if (!(value instanceof File) || (value.name === "" && value.size === 0)) {
    return { ok: false, message: "Choose an accordwatch/v1 file (.json) to import." };
  }
  const tooBig = fileSizeProblem(value.size);
  if (tooBig !== null) return { ok: false, message: tooBig };
  if (!looksLikeJson(value)) {
    return { ok: false, message: `“${value.name}” is not a JSON file: choose an accordwatch/v1 document (.json).` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer());
  } catch {
    return { ok: false, message: `“${value.name}” is not UTF-8 text: an accordwatch/v1 document is JSON in UTF-8.` };
  }
  // The decoder has dropped a byte order mark already.
  if (text.trim() === "") {
    return { ok: false, message: `“${value.name}” is empty.` };
  }
  return { ok: true, text };
}
