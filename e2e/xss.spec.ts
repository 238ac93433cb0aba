/**
 * Cross-site scripting (issue 5, item 6): the payloads of tests/support/xss-corpus.ts, put through every text field
 * an editor can fill (and the organisation's name, members' names, a comment, a webhook's address, a search query),
 * render inert on every page that shows them, public and signed-in, in English and French: no dialog opens, Chromium
 * reports no Content-Security-Policy violation (the policy would have refused what escaped), no element or attribute
 * of a payload exists in the document, and each text is shown whole, as text.
 *
 * This spec runs its own app on its own embedded database (e2e/support/xss-database.ts writes it through lib/data
 * before the app starts: PGlite is one process's), so the suite's demo organisation stays as other specs expect it;
 * the same build as the suite's web server, started with `next start` as scripts/start.ts does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  XSS_AGREEMENT,
  XSS_COMMENT,
  XSS_COMMITMENT,
  XSS_MILESTONES,
  XSS_ORG,
  XSS_ORGANISATION_NAME,
  XSS_PAYLOADS,
  XSS_PEOPLE,
  XSS_SOURCE_URL,
  XSS_SOURCES,
  XSS_WEBHOOK_URL,
  xssDocument,
} from "../tests/support/xss-corpus";
import { submitSignIn, type DemoAccount } from "./support/demo-accounts";
import { prepare, startOwnApp, type OwnApp } from "./support/own-app";
import { expectClean, expectHydrated, watchScripts, type ScriptWatch } from "./support/script-watch";

const AGREEMENT = `/${XSS_ORG}/${XSS_AGREEMENT}`;
const COMMITMENT = `${AGREEMENT}/commitments/${XSS_COMMITMENT}`;

let app: OwnApp | undefined;
let dataDir = "";
let base = "";
let accounts: DemoAccount[] = [];
let invitePath = "";

/** Every text the organisation holds, by its label (`[agreement.title]`): what the pages must show whole. */
function allTexts(): Map<string, string> {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string" && value.startsWith("[")) texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(xssDocument());
  texts.push(XSS_ORGANISATION_NAME, XSS_COMMENT, ...XSS_PEOPLE.map((p) => p.name));
  return new Map(texts.map((text) => [/^\[[^\]]+\]/.exec(text)![0], text]));
}
const TEXTS = allTexts();
/** The labels some page showed, with its text whole. */
const shown = new Set<string>();

function cleanUpSync(): void {
  app?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  process.once("exit", cleanUpSync);
  dataDir = mkdtempSync(path.join(tmpdir(), "accordwatch-e2e-xss-"));
  // The embedded database, whatever the environment says.
  const env: NodeJS.ProcessEnv = { ...process.env, ACCORDWATCH_DATA: dataDir, ACCORDWATCH_JOBS: "off" };
  env.NEXT_TELEMETRY_DISABLED = "1";
  delete env.DATABASE_URL;
  ({ accounts, invitePath } = prepare<{ accounts: DemoAccount[]; invitePath: string }>(
    "e2e/support/xss-database.ts",
    env,
    90_000,
  ));
  app = await startOwnApp(env, `/${XSS_ORG}`);
  base = app.base;
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app.log", { body: app?.log() ?? "" });
});

test.afterAll(async () => {
  process.removeListener("exit", cleanUpSync);
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const both = (paths: readonly string[]) => paths.flatMap((p) => [p, `/fr${p}`]);

/**
 * Loads a page of the spec's app and checks that the payloads in it are inert: nothing ran (no dialog, no violation,
 * no error), no element or attribute of a payload made it into the document, and every text of the organisation the
 * page shows is shown whole (its label and all that follows it: markup would have been eaten by the parser).
 */
async function visitInert(page: Page, watch: ScriptWatch, address: string): Promise<void> {
  const response = await page.goto(`${base}${address}`);
  expect(response?.status(), address).toBeLessThan(400);
  await expectHydrated(page);
  const found = await page.evaluate(() => ({
    // All the document's text, hidden parts (closed <details>, textareas' contents) included, scripts' data not.
    text: (() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("script, noscript").forEach((e) => e.remove());
      return copy.textContent ?? "";
    })(),
    // Attributes and elements only a payload could have brought.
    injected: [
      ...document.querySelectorAll(
        "[onerror], [onload], [ontoggle], iframe, mglyph, details[open][ontoggle], img[src='x'], svg[onload]",
      ),
    ].map((e) => e.outerHTML.slice(0, 120)),
    javascriptLinks: [...document.querySelectorAll("a[href]")]
      .map((a) => a.getAttribute("href") ?? "")
      .filter((href) => /^\s*javascript:/i.test(href)),
  }));
  expect(found.injected, `payload markup in ${address}`).toEqual([]);
  expect(found.javascriptLinks, `javascript: links in ${address}`).toEqual([]);
  for (const [label, text] of TEXTS) {
    for (let at = found.text.indexOf(label); at !== -1; at = found.text.indexOf(label, at + 1)) {
      const here = found.text.slice(at, at + text.length + 200);
      expect(shownWhole(here, text), `${label} is shown whole on ${address}: ${JSON.stringify(here)}`).toBe(true);
      shown.add(label);
    }
  }
  expectClean(watch, address);
}

/**
 * Whether `here` (a page's text from a label on) starts with `text` whole: as typed, or JSON-escaped (the history
 * shows a change's values as JSON), or cut short with an ellipsis after a good part of it (health reasons quote the
 * start of a long quote). A parser that took some of it for markup would have left a gap instead.
 */
function shownWhole(here: string, text: string): boolean {
  for (const expected of [text, JSON.stringify(text).slice(1, -1)]) {
    let same = 0;
    while (same < expected.length && here[same] === expected[same]) same++;
    if (same === expected.length) return true;
    if (same >= 40 && here[same] === "…") return true;
  }
  return false;
}

async function signIn(page: Page, role: DemoAccount["role"]): Promise<void> {
  const account = accounts.find((a) => a.role === role)!;
  await page.goto(`${base}/signin?callbackUrl=${encodeURIComponent("/account")}`);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(`${base}/account`, { timeout: 15_000 });
}

test("public pages show every payload as text, in English and French, and nothing runs", async ({ page }) => {
  test.setTimeout(180_000);
  const watch = await watchScripts(page);
  const search = encodeURIComponent(XSS_PAYLOADS[0]!);
  for (const address of both([
    "",
    `/${XSS_ORG}`,
    AGREEMENT,
    `${AGREEMENT}?asOf=2025-10-20`,
    `${AGREEMENT}?asOf=${encodeURIComponent('"><script>alert("xss-asof")</script>')}`,
    `${AGREEMENT}/changes`,
    COMMITMENT,
    ...XSS_MILESTONES.map((m) => `${COMMITMENT}/milestones/${m}`),
    ...XSS_SOURCES.map((s) => `/${XSS_ORG}/sources/${s}`),
    `/${XSS_ORG}/find?q=corpus`,
    `/${XSS_ORG}/find?q=${search}`,
    `/embed${AGREEMENT}`,
    `/signin?callbackUrl=${encodeURIComponent("javascript:alert('xss-callback')")}`,
  ])) {
    await visitInert(page, watch, address || "/");
  }

  // The source's address is a link to exactly what was entered (http or https only: javascript: is refused on input).
  await page.goto(`${base}/${XSS_ORG}/sources/${XSS_SOURCES[0]}`);
  await expect(page.locator(`a[href="${XSS_SOURCE_URL.replaceAll('"', '\\"')}"]`).first()).toBeVisible();
  // The headline of the scorecard is the agreement's title, as typed.
  await page.goto(`${base}${AGREEMENT}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(xssDocument().agreements[0]!.title);
  expectClean(watch, "links");
});

test("the invitation page shows the organisation's name as text", async ({ page }) => {
  const watch = await watchScripts(page);
  for (const address of both([invitePath])) await visitInert(page, watch, address);
  await expect(page.getByText(XSS_ORGANISATION_NAME).first()).toBeVisible();
});

test("an admin's workspace shows names, comments, history, webhooks and sources as text, and nothing runs", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const watch = await watchScripts(page);
  await signIn(page, "ADMIN");
  for (const address of both([
    "/account",
    "/w",
    `/w/${XSS_ORG}`,
    `/w${AGREEMENT}`,
    `/w${AGREEMENT}/briefing`,
    `/w/${XSS_ORG}/changes?since=2025-01-01`,
    `/w/${XSS_ORG}/history`,
    `/w/${XSS_ORG}/members`,
    `/w/${XSS_ORG}/webhooks`,
    `/w/${XSS_ORG}/sources`,
    `/w/${XSS_ORG}/data`,
  ])) {
    await visitInert(page, watch, address);
  }
  await page.goto(`${base}/w/${XSS_ORG}/webhooks`);
  await expect(page.getByText(XSS_WEBHOOK_URL).first()).toBeVisible();
  await page.goto(`${base}/w/${XSS_ORG}/members`);
  for (const person of XSS_PEOPLE) await expect(page.getByText(person.name).first()).toBeVisible();
  expectClean(watch, "the admin's workspace");
});

test("a reviewer's notifications, watchlist, briefing and comments show the payloads as text", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchScripts(page);
  await signIn(page, "REVIEWER");
  for (const address of both([
    `/w/${XSS_ORG}/notifications`,
    `/w/${XSS_ORG}/watchlist`,
    `/w/${XSS_ORG}/watchlist/briefing`,
    `/w${AGREEMENT}`,
  ])) {
    await visitInert(page, watch, address);
  }
  await page.goto(`${base}/w${AGREEMENT}`);
  await expect(page.getByText(XSS_COMMENT).first()).toBeAttached();
  // The evaluation of e2e/support/xss-database.ts notified the reviewer of the watched milestone's transitions.
  await page.goto(`${base}/w/${XSS_ORG}/notifications`);
  await expect(page.getByText("[milestone.title]").first()).toBeVisible();
  expectClean(watch, "the reviewer's workspace");
});

test("an editor types a payload into a form: refused or saved, it comes back as text", async ({ page }) => {
  const watch = await watchScripts(page);
  await signIn(page, "EDITOR");
  await page.goto(`${base}/w${AGREEMENT}`);
  const milestone = page.locator(`#milestone-${XSS_COMMITMENT}-${XSS_MILESTONES[0]}`);
  await milestone.getByText("Record a status update").click();
  const update = milestone.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel(/^Date/).fill("2026-13");
  const typed = XSS_PAYLOADS.join(" ");
  await update.getByLabel("Rationale").fill(typed);
  await update.getByRole("button", { name: "Record status update" }).click();
  await expect(update.getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expect(update.getByLabel("Rationale")).toHaveValue(typed);
  expectClean(watch, "a refused form");
});

test("every text field's payload was shown, whole, on some page", () => {
  expect(TEXTS.size).toBeGreaterThanOrEqual(25);
  expect([...TEXTS.keys()].filter((label) => !shown.has(label))).toEqual([]);
});
