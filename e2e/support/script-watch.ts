/**
 * What a page's scripts did that they should not have: Content-Security-Policy violations (the
 * `securitypolicyviolation` events of every document the page loads, reported from an init script, and Chromium's
 * "Refused to …" console messages), dialogs (every payload of tests/support/xss-corpus.ts that runs calls alert()) and
 * uncaught errors. Used by e2e/content-security-policy.spec.ts and e2e/xss.spec.ts.
 */
import { expect, type APIResponse, type Page, type Response } from "@playwright/test";

export interface Violation {
  readonly url: string;
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

export interface ScriptWatch {
  readonly violations: Violation[];
  readonly console: string[];
  readonly dialogs: string[];
  readonly errors: string[];
}

export async function watchScripts(page: Page): Promise<ScriptWatch> {
  const watch: ScriptWatch = { violations: [], console: [], dialogs: [], errors: [] };
  await page.exposeBinding("__reportViolation", ({ frame }, violation: Omit<Violation, "url">) => {
    watch.violations.push({ url: frame.url(), ...violation });
  });
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { __reportViolation: (v: object) => void }).__reportViolation;
        report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
      },
      true,
    );
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame|send)/i.test(message.text())) {
      watch.console.push(message.text());
    }
  });
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()} (${page.url()})`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => watch.errors.push(`${error.message} (${page.url()})`));
  return watch;
}

/** Nothing happened that should not have, so far. */
export function expectClean(watch: ScriptWatch, where: string): void {
  expect(watch.violations, `CSP violations on ${where}`).toEqual([]);
  expect(watch.console, `CSP console messages on ${where}`).toEqual([]);
  expect(watch.dialogs, `dialogs on ${where}`).toEqual([]);
  expect(watch.errors, `uncaught errors on ${where}`).toEqual([]);
}

/** React has hydrated the document: its elements carry React's fiber (set only by the client's render). */
export async function expectHydrated(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber$"))), {
      message: `React hydrated ${page.url()}`,
    })
    .toBe(true);
}

/**
 * The Content-Security-Policy policies of a response, all enforced: one per header, or several in one header,
 * comma-separated (CSP's own list syntax: the proxy's answer of a cached page sends next.config.mjs's framing policy
 * and the page's own in one header, Next.js's answer in two; lib/http/cached-answer.mjs).
 */
export async function policiesOf(response: Response | APIResponse): Promise<string[]> {
  return (await Promise.resolve(response.headersArray()))
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .flatMap((h) => h.value.split(","))
    .map((policy) => policy.trim());
}

/** The directives of one policy, by name. */
export function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
}
