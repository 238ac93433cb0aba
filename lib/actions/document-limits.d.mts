/** Types of document-limits.mjs (plain JavaScript: next.config.mjs loads it untranspiled). */
export const MAX_DOCUMENT_BYTES: number;
export const SERVER_ACTION_BODY_LIMIT_BYTES: number;
