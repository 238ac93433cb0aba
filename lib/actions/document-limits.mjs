/**
 * The upload limits of an accordwatch/v1 file: read by next.config.mjs (plain JavaScript, loaded by `next start`
 * untranspiled) and re-exported by document-file.ts for the form and the server action.
 */

/**
 * The largest file the workspace imports. Never more characters than parseInterchangeText accepts
 * (MAX_DOCUMENT_CHARS, 20 000 000): UTF-8 takes at least one byte per character.
 */
export const MAX_DOCUMENT_BYTES = 20_000_000;

/**
 * What next.config.mjs lets a server action's body be: the file plus room for the multipart framing and the form's
 * other fields, so that a file at the limit reaches the action and one over it is refused there with a message.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = MAX_DOCUMENT_BYTES + 1_000_000;
