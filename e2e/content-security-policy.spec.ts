/**
 * The Content-Security-Policy in Chromium (issue 5, item 6; lib/http/csp.ts): every page, public and signed-in, in
 * English and French, has a policy allowing scripts by nonce (pages rendered per request) or by the hashes of its
 * inline scripts (cached pages), never 'unsafe-inline'; and with it the pages still hydrate, their client components,
 * client-side navigation and server actions work, and Chromium reports no violation at all.
 */
import { createHash } from "node:crypto";
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";
import { directives, expectClean, expectHydrated, policiesOf, watchScripts } from "./support/script-watch";

const AGREEMENT = "/demo/uk-france-small-boats-2025";
const COMMITMENT = `${AGREEMENT}/commitments/maritime-interception`;

const PUBLIC_PAGES = [
  "/",
  "/demo",
  AGREEMENT,
  `${AGREEMENT}?asOf=2025-10-31`,
  `${AGREEMENT}/changes`,
  COMMITMENT,
  `${COMMITMENT}/milestones/deploy-tactics`,
  "/demo/sources/bbc-2025-10-23",
  "/demo/find?q=doctrine",
  `/embed${AGREEMENT}`,
  "/signin",
  "/no-such-organisation",
];

const WORKSPACE_PAGES = [
  "/w",
  "/w/demo",
  `/w${AGREEMENT}`,
  `/w${AGREEMENT}/briefing`,
  "/w/demo/changes",
  "/w/demo/history",
  "/w/demo/sources",
  "/w/demo/watchlist",
  "/w/demo/notifications",
  "/w/demo/data",
  "/account",
];

const inBothLanguages = (paths: readonly string[]) => paths.flatMap((p) => [p, p === "/" ? "/fr" : `/fr${p}`]);

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Checks the document policy of a page's response against its HTML: scripts by nonce (the one Next.js stamped on
 * every script of this HTML) and 'strict-dynamic', or by hash (one for each inline script of this HTML); never
 * 'unsafe-inline' or 'unsafe-eval'; no plugins, no <base>, forms to this site only; and framing refused but for the
 * widget. Returns which way scripts are allowed.
 */
async function checkPolicy(response: Response, path: string): Promise<"nonce" | "hashes"> {
  const policies = await policiesOf(response);
  const documentPolicies = policies.filter((p) => directives(p).has("script-src"));
  expect(documentPolicies, `one document policy for ${path}: ${policies.join(" | ")}`).toHaveLength(1);
  const policy = directives(documentPolicies[0]!);
  const scriptSrc = policy.get("script-src")!;
  expect(scriptSrc, path).not.toContain("'unsafe-inline'");
  expect(scriptSrc, path).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src"), path).toEqual(["'self'"]);
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
  expect(policy.get("base-uri"), path).toEqual(["'none'"]);
  expect(policy.get("form-action"), path).toEqual(["'self'"]);
  const framing = policies.flatMap((p) => directives(p).get("frame-ancestors") ?? []);
  expect(framing, path).toEqual(/^(\/fr)?\/embed\//.test(path) ? ["*"] : ["'none'"]);

  const html = await response.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)].filter(
    ([, attrs]) => !/\bsrc=/.test(attrs!),
  );
  const nonces = scriptSrc.filter((s) => s.startsWith("'nonce-"));
  if (nonces.length > 0) {
    expect(nonces, path).toHaveLength(1);
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    // A cached page must not get a nonce: its HTML carries whichever nonce it was rendered with (lib/http/csp.ts).
    expect(response.headers()["x-nextjs-cache"], `${path} is served from the cache with a nonce`).toBeUndefined();
    const nonce = nonces[0]!.slice("'nonce-".length, -1);
    const stamped = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
    expect(stamped.length, path).toBeGreaterThan(0);
    expect(new Set(stamped), path).toEqual(new Set([nonce]));
    return "nonce";
  }
  expect(scriptSrc, path).toContain("'self'");
  for (const [, , text] of inline)
    expect(scriptSrc, `${path}: a hash for ${text!.slice(0, 60)}`).toContain(sha256(text!));
  return "hashes";
}

async function visit(page: Page, path: string): Promise<Response> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  return response!;
}

test("public pages in both languages: a strict policy, hydrated, and not one violation", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchScripts(page);
  for (const path of inBothLanguages(PUBLIC_PAGES)) {
    const response = await visit(page, path);
    // The cached pages by hashes, the find and sign-in pages (rendered per request) by nonce.
    const perRequest = /\/(find\?|signin$)/.test(path);
    expect(await checkPolicy(response, path), path).toBe(perRequest ? "nonce" : "hashes");
    await expectHydrated(page);
    expectClean(watch, path);
  }
});

test("the scorecard's client components work under the policy: copy the permalink, switch language, navigate", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const watch = await watchScripts(page);
  // Twice: a cached page is rendered on the first request and served from the cache on the next (the policy must
  // match the HTML both times).
  for (let i = 0; i < 2; i++) await checkPolicy(await visit(page, `${AGREEMENT}?asOf=2025-10-31`), AGREEMENT);
  await expectHydrated(page);

  // The permalink field holds the absolute address and gets its Copy button once scripted.
  const copy = page.getByRole("button", { name: "Copy", exact: true });
  await copy.click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${AGREEMENT}?asOf=2025-10-31`);

  // A link within the app is followed by the client router (the page is not loaded again: the marker stays).
  await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await page.locator(`a[href^="${COMMITMENT}"]`).first().click();
  await expect(page).toHaveURL((url) => url.pathname === COMMITMENT);
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);

  // The language switch, a client component reading the address, leads to the same page in French.
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL((url) => url.pathname === `/fr${COMMITMENT}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expectHydrated(page);
  expectClean(watch, "the scorecard's client components");
});

test("signed-in pages in both languages: a nonce policy, and sign-in, server actions and client forms work", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const watch = await watchScripts(page);
  // Signing in: the client form posts to NextAuth with fetch and moves on (form-action 'self' is never in the way).
  await signInAs(page, "EDITOR", `/w${AGREEMENT}`);
  expectClean(watch, "sign-in");
  for (const path of inBothLanguages(WORKSPACE_PAGES)) {
    const response = await visit(page, path);
    expect(await checkPolicy(response, path), path).toBe("nonce");
    await expectHydrated(page);
    expectClean(watch, path);
  }

  // A server action, refused by its schema (so that nothing changes for the other tests): the answer is rendered.
  await visit(page, `/w${AGREEMENT}`);
  const doctrine = page.locator("#milestone-maritime-interception-adopt-doctrine");
  await doctrine.getByText("Record a status update").click();
  const update = doctrine.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel(/^Date/).fill("2026-13");
  await update.getByLabel("Rationale").fill("Refused on purpose by the CSP test.");
  await update.getByRole("button", { name: "Record status update" }).click();
  await expect(update.getByRole("alert")).toContainText("Please correct the fields marked below.");
  expectClean(watch, "a server action");
});

test("markup slipped into a page cannot run script: the policy refuses it and Chromium reports it", async ({
  page,
}) => {
  const watch = await watchScripts(page);
  await visit(page, AGREEMENT);
  await expectHydrated(page);
  // What an unescaped text would be: an inline event handler (a script the policy has no nonce or hash for).
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="/x.png" onerror="alert(1)">'));
  await expect.poll(() => watch.violations.map((v) => v.directive)).toContain("script-src-attr");
  expect(watch.dialogs).toEqual([]);
});

test("every page gets a nonce of its own, and one sent by the client is never used", async ({ request }) => {
  const nonceOf = async (path: string, headers: Record<string, string> = {}) => {
    const response = await request.get(path, { headers });
    const policy = (await policiesOf(response)).find((p) => p.includes("script-src")) ?? "";
    return { nonce: /'nonce-([^']+)'/.exec(policy)?.[1], html: await response.text() };
  };
  const first = await nonceOf("/signin");
  const second = await nonceOf("/signin");
  expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(second.nonce).not.toBe(first.nonce);

  const forged = await nonceOf("/signin", { "Content-Security-Policy": "script-src 'nonce-forgedforgedforged'" });
  expect(forged.nonce).not.toBe("forgedforgedforged");
  expect(forged.html).not.toContain("forgedforgedforged");
});
