/** Types of content-security-policy.mjs (plain JavaScript: the ISR cache handler loads it untranspiled). */
export type ScriptSources = { readonly nonce: string } | { readonly hashes: readonly string[] };
export type Framing = "none" | "any";
export const FRAME_ANCESTORS: { readonly none: string; readonly any: string };
export function pagePolicy(page: { scripts: ScriptSources; framing?: Framing; dev?: boolean }): string;
export function sourceHash(text: string): string;
export function inlineScripts(html: string): string[];
export function hashedPagePolicy(html: string): string;
