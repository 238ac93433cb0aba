/**
 * What keeps secrets out of the logs (README, "Logs"): every value a log line carries goes through `redact` first.
 * Two nets, because a secret reaches a log either under a telling name or inside some text:
 * - by key: any property whose name says secret (password, token, cookie, authorization, secret, session…) is
 *   replaced whole, at any depth;
 * - by value: in every string (messages, error messages and stacks included), the secrets the process knows (the
 *   values of NEXTAUTH_SECRET, DATABASE_URL's password, OIDC_CLIENT_SECRET…: see `secretValues`), a URL's password,
 *   `name=value` pairs whose name says secret (cookies, query strings, connection strings), `"password": "…"` in
 *   JSON text, bearer and basic credentials, and JSON Web Tokens (NextAuth's session cookie is one).
 * Pure: no environment, no clock. Over-redacting is the accepted cost: a log line never needs a secret.
 */

export const REDACTED = "[REDACTED]";

/** Property names whose value is a secret whatever it looks like. */
const SECRET_KEY =
  /passw(or)?d|passphrase|^pwd$|secret|token|cookie|authori[sz]ation|^session$|credential|api[-_]?key|private[-_]?key/i;

/** A name in `name=value` text that says secret (`password=`, `next-auth.session-token=`, `client_secret=`…). */
const SECRET_PAIR = /\b([\w.-]*(?:passw(?:or)?d|pwd|secret|token|api[-_]?key|credential)[\w.-]*)=([^\s&;,"'<>]+)/gi;
/** `scheme://user:password@host`: the password of a URL. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):([^\s@/]*)@/gi;
/** `"password": "…"` inside JSON text. */
const JSON_SECRET =
  /("[\w.-]*(?:passw(?:or)?d|secret|token|cookie|authori[sz]ation|credential)[\w.-]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
/** A Cookie or Set-Cookie header written out as text: everything after the colon. */
const COOKIE_HEADER = /\b((?:set-)?cookie)(\s*:\s*)[^\n]+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]+=*/g;
/** A webhook endpoint's signing secret (lib/data/webhooks.ts makes them `whsec_…`). */
const WEBHOOK_SECRET = /\bwhsec_[A-Za-z0-9_-]{8,}/g;
/** A JWT or JWE (three or five base64url parts, the first a JSON header `{"…` = `eyJ`). */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){1,4}/g;

/** Known secret values shorter than this are not searched for: a short value would blank out ordinary words. */
const MIN_SECRET_LENGTH = 8;
const MAX_DEPTH = 8;

export interface RedactOptions {
  /** Values to blank wherever they appear (see secretValues). */
  readonly secrets?: readonly string[];
}

/** `text` with every secret the rules above find replaced by [REDACTED]. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.secrets ?? []) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(URL_PASSWORD, `$1:${REDACTED}@`)
    .replace(COOKIE_HEADER, `$1$2${REDACTED}`)
    .replace(JSON_SECRET, `$1"${REDACTED}"`)
    .replace(SECRET_PAIR, `$1=${REDACTED}`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(WEBHOOK_SECRET, REDACTED)
    .replace(JWT, REDACTED);
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * A copy of `value` fit for a log line: secrets replaced (by key and by value), errors turned into plain objects
 * (type, message, stack, code, their own fields and cause), Headers and Maps into objects, cycles cut.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  return walk(value, options, 0, new WeakSet());
}

/** `redact` for the object of a log line (its fields). */
export function redactFields(fields: Record<string, unknown>, options: RedactOptions = {}): Record<string, unknown> {
  const out = walk(fields, options, 0, new WeakSet());
  return out !== null && typeof out === "object" && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}

function walk(value: unknown, options: RedactOptions, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value, options);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof URL) return redactText(value.href, options);
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[…]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, options, depth + 1, seen));
    if (value instanceof Error) return walkObject(errorFields(value), options, depth, seen);
    if (value instanceof Map) return walkObject(Object.fromEntries(value), options, depth, seen);
    if (value instanceof Set) return [...value].map((item) => walk(item, options, depth + 1, seen));
    if (typeof Headers !== "undefined" && value instanceof Headers) {
      return walkObject(Object.fromEntries(value.entries()), options, depth, seen);
    }
    return walkObject(value as Record<string, unknown>, options, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkObject(
  object: Record<string, unknown>,
  options: RedactOptions,
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    if (item === undefined) continue;
    out[key] = isSecretKey(key) && item !== null ? REDACTED : walk(item, options, depth + 1, seen);
  }
  return out;
}

/** An error's name, message, stack, its own enumerable fields (pg's `code`, `detail`…) and its cause. */
function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { type: error.name, message: error.message };
  for (const [key, item] of Object.entries(error)) if (!(key in fields)) fields[key] = item;
  if (error.stack !== undefined) fields.stack = error.stack;
  if (error.cause !== undefined) fields.cause = error.cause;
  if (error instanceof AggregateError) fields.errors = error.errors;
  return fields;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Names of variables whose value is a secret. */
const SECRET_VARIABLE = /SECRET|PASSW(OR)?D|TOKEN|PRIVATE_KEY|API_KEY/i;

/**
 * The secret values in an environment: variables named as secrets (NEXTAUTH_SECRET, OIDC_CLIENT_SECRET…) and the
 * password of every URL-valued variable (DATABASE_URL's), raw and percent-decoded.
 */
export function secretValues(env: Env): string[] {
  const found = new Set<string>();
  for (const [name, raw] of Object.entries(env)) {
    const value = raw?.trim();
    if (!value) continue;
    if (SECRET_VARIABLE.test(name)) found.add(value);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      const password = urlPassword(value);
      if (password) {
        found.add(password);
        try {
          found.add(decodeURIComponent(password));
        } catch {
          // Not valid percent-encoding: the raw form is enough.
        }
      }
    }
  }
  return [...found].filter((secret) => secret.length >= MIN_SECRET_LENGTH);
}

function urlPassword(value: string): string | null {
  try {
    return new URL(value).password || null;
  } catch {
    // A URL that `URL` cannot parse may still hold `scheme://user:password@`.
    return /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i.exec(value)?.[1] ?? null;
  }
}
