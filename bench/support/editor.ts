/**
 * An editor driving the workspace over plain HTTP, as a browser without JavaScript does: signs in through NextAuth's
 * credentials endpoint, loads a workspace page, reads one of its forms (the HTML React rendered on the server:
 * hidden fields, the server action's reference `$ACTION_REF_n` / `$ACTION_n:0…` and the record's `expectedVersion`)
 * and posts it back as multipart/form-data. Next.js runs the very server action the form names (validation,
 * authorization, the command's transaction with its audit event, revalidatePath) and answers with the page
 * rendered again, whose form says the outcome: the success message, or an alert.
 *
 * This is the progressive-enhancement path of the forms; with JavaScript, React posts the same fields to the same
 * action with a `Next-Action` header and gets an RSC payload instead of HTML. The work on the server is the same.
 */

export interface Session {
  readonly base: string;
  readonly cookie: string;
}

/** name=value of every Set-Cookie of a response, merged into a Cookie header. */
function mergeCookies(previous: string, response: Response): string {
  const jar = new Map<string, string>();
  for (const pair of previous.split("; ").filter(Boolean)) {
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  for (const line of response.headers.getSetCookie()) {
    const first = line.split(";")[0] ?? "";
    const at = first.indexOf("=");
    if (at > 0) jar.set(first.slice(0, at), first.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in with email and password through NextAuth (csrf token, then the credentials callback). */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = mergeCookies("", csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/w`, json: "true" }),
  });
  cookie = mergeCookies(cookie, response);
  if (!/session-token=/.test(cookie)) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  return { base, cookie };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return String.fromCodePoint(n);
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1] ?? "") : undefined;
}

export interface FormField {
  readonly name: string;
  readonly value: string;
  /** input type, or "textarea" / "select". */
  readonly kind: string;
  /** Checkboxes and radios: whether checked; the options of a select: their values. */
  readonly checked?: boolean;
  readonly options?: readonly string[];
}

export interface Form {
  readonly label: string;
  readonly fields: readonly FormField[];
}

/** The forms of a page as React rendered them (no nesting, attributes in double quotes). */
export function parseForms(html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const body = m[2] ?? "";
    const fields: FormField[] = [];
    for (const f of body.matchAll(
      /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g,
    )) {
      const tag = f[0];
      if (tag.startsWith("<input")) {
        const name = attribute(tag, "name");
        if (name === undefined) continue;
        const kind = attribute(tag, "type") ?? "text";
        fields.push({ name, kind, value: attribute(tag, "value") ?? "", checked: /\schecked(=""|\s|\/|>)/.test(tag) });
      } else if (tag.startsWith("<textarea")) {
        const name = attribute(f[1] ?? "", "name");
        if (name !== undefined) fields.push({ name, kind: "textarea", value: decodeEntities(f[2] ?? "") });
      } else {
        const name = attribute(f[3] ?? "", "name");
        if (name === undefined) continue;
        const options = [...(f[4] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => ({
          value: attribute(o[1] ?? "", "value") ?? "",
          selected: /\sselected(=""|\s|>)/.test(o[1] ?? ""),
        }));
        const chosen = options.find((o) => o.selected) ?? options[0];
        fields.push({ name, kind: "select", value: chosen?.value ?? "", options: options.map((o) => o.value) });
      }
    }
    forms.push({ label: attribute(m[1] ?? "", "aria-label") ?? "", fields });
  }
  return forms;
}

export async function getPage(session: Session, path: string): Promise<string> {
  const response = await fetch(`${session.base}${path}`, { headers: { cookie: session.cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return html;
}

export type Outcome = "ok" | "conflict" | "refused";

export interface Submission {
  readonly status: number;
  readonly outcome: Outcome;
  readonly message: string;
}

const CONFLICT = /^(Changed by .* reload to see the current values\.|This record was changed since you loaded it)/;

/**
 * Posts a form back to the page that rendered it, with `values` replacing (or adding) fields: what a browser sends
 * (checkboxes only when checked; a repeated name for several). The outcome is read from the page it answers: the
 * form's success message (`text-green-800`), or its alert; a changed record's alert is a conflict.
 */
export async function submitForm(
  session: Session,
  path: string,
  form: Form,
  values: Record<string, string | readonly string[]>,
): Promise<Submission> {
  const body = new FormData();
  for (const field of form.fields) {
    if (field.name in values) continue;
    if ((field.kind === "checkbox" || field.kind === "radio") && !field.checked) continue;
    if (field.kind === "submit" || field.kind === "button") continue;
    body.append(field.name, field.value);
  }
  for (const [name, value] of Object.entries(values)) {
    for (const v of typeof value === "string" ? [value] : value) body.append(name, v);
  }
  const response = await fetch(`${session.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: session.cookie, origin: session.base, accept: "text/html" },
    body,
  });
  const html = await response.text();
  const ok = /<p class="text-green-800">([^<]*)<\/p>/.exec(html);
  if (response.status === 200 && ok) return { status: 200, outcome: "ok", message: decodeEntities(ok[1] ?? "") };
  const alert = /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html);
  const message = alert ? decodeEntities(alert[1] ?? "") : `HTTP ${response.status}: ${html.slice(0, 200)}`;
  return { status: response.status, outcome: alert && CONFLICT.test(message) ? "conflict" : "refused", message };
}

export function findForm(html: string, label: string | RegExp): Form {
  const forms = parseForms(html);
  const form = forms.find((f) => (typeof label === "string" ? f.label === label : label.test(f.label)));
  if (!form) throw new Error(`no form "${label}" among: ${forms.map((f) => f.label).join(" | ")}`);
  return form;
}
