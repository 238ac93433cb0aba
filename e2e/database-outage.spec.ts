/**
 * The database stops under a running app and comes back (README.md, "When the database is down"; issue 5, item 5):
 * pages, the API and the feeds answer 503 with Retry-After and no-store within 3 s, forms say so and keep what was
 * typed, and everything serves again within 5 s of the database's return, without restarting the app.
 *
 * This spec runs its own app on its own PostgreSQL server (tests/support/postgres.ts), not the suite's web server on
 * PGlite (which is in-process and cannot go down): the same build (playwright.config.ts's web server has made it
 * current before any spec runs), started with `next start` as scripts/start.ts does. The server is stopped with
 * `pg_ctl stop -m fast`, as an operator or a crash would, and started again on the same port and data.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { startPostgres, type PostgresServer } from "../tests/support/postgres";
import { signInAtApp, type DemoAccount } from "./support/demo-accounts";
import { prepare, startOwnApp, type OwnApp } from "./support/own-app";

const scorecard = "/demo/uk-france-small-boats-2025";
const workspacePage = "/w/demo/uk-france-small-boats-2025";

/** What must answer 503 during the outage and 200 after it; `lang` for pages, whose words follow the address. */
const ADDRESSES = [
  { path: scorecard, lang: "en-GB", title: "Accordwatch is unavailable for a moment" },
  { path: `/fr${scorecard}`, lang: "fr-FR", title: "Accordwatch est momentanément indisponible" },
  { path: "/api/v1/demo/agreements" },
  { path: `${scorecard}/feed.xml` },
] as const;

const DOWN_WITHIN_MS = 3_000;
const BACK_WITHIN_MS = 5_000;

let postgres: PostgresServer | undefined;
let app: OwnApp | undefined;
let base = "";
let accounts: DemoAccount[] = [];

/** Kills what this spec started even if the worker dies without running afterAll (a crash, Ctrl-C). */
function cleanUpSync(): void {
  app?.kill();
  postgres?.stopSync();
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  process.once("exit", cleanUpSync);
  postgres = await startPostgres();
  const env = { ...process.env, DATABASE_URL: postgres.url, NEXT_TELEMETRY_DISABLED: "1" };
  accounts = prepare<DemoAccount[]>("e2e/support/outage-database.ts", env, 60_000);
  app = await startOwnApp(env, scorecard);
  base = app.base;
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app.log", { body: app?.log() ?? "" });
});

test.afterAll(async () => {
  process.removeListener("exit", cleanUpSync);
  await app?.stop();
  await postgres?.stop();
});

async function timed(request: APIRequestContext, address: string): Promise<{ response: APIResponse; ms: number }> {
  const started = performance.now();
  const response = await request.get(`${base}${address}`, { maxRedirects: 0, timeout: 10_000 });
  return { response, ms: performance.now() - started };
}

/** Polls `address` until it answers 200; resolves with the time since `since` (performance.now()). */
async function backAfter(request: APIRequestContext, address: string, since: number): Promise<number> {
  await expect
    .poll(async () => (await request.get(`${base}${address}`, { maxRedirects: 0, timeout: 5_000 })).status(), {
      timeout: BACK_WITHIN_MS,
      intervals: [100],
    })
    .toBe(200);
  return performance.now() - since;
}

test("with the database stopped, everything answers 503 at once, forms keep what was typed, and all serves again when it returns", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const server = postgres;
  if (!server) throw new Error("no PostgreSQL server");

  // Before the outage: an editor has a status update typed and not yet sent; someone else has the sign-in form filled.
  const editor = await browser.newContext();
  const page = await editor.newPage();
  await signInAtApp(page, base, accounts, "EDITOR", workspacePage);
  const deployment = page.locator("#milestone-maritime-interception-deploy-tactics");
  await deployment.getByText("Record a status update").click();
  const update = deployment.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel(/^Date/).fill("2026-01-15");
  await update.getByLabel("Rationale").fill("Typed while the database was up.");
  await update.getByLabel(/The Times/).check();

  const visitor = await browser.newContext();
  const signInPage = await visitor.newPage();
  await signInPage.goto(`${base}/signin`);
  const reviewer = accounts.find((a) => a.role === "REVIEWER");
  await signInPage.getByLabel("Email").fill(reviewer?.email ?? "");
  await signInPage.getByLabel("Password").fill(reviewer?.password ?? "");

  for (const { path: address } of ADDRESSES) expect((await timed(request, address)).response.status()).toBe(200);

  // Measured for the record (README.md, "When the database is down"): printed once the test passes.
  const timings: string[] = [];
  await server.stopServer();

  // The very first request to each, right after the stop: no 500 first, no wait.
  for (const address of ADDRESSES) {
    const { response, ms } = await timed(request, address.path);
    timings.push(`${address.path} 503 in ${Math.round(ms)} ms`);
    expect(response.status(), address.path).toBe(503);
    expect(ms, `${address.path} answered in ${Math.round(ms)} ms`).toBeLessThan(DOWN_WITHIN_MS);
    expect(response.headers()["retry-after"], address.path).toBe("30");
    expect(response.headers()["cache-control"], address.path).toBe("no-store");
    if ("lang" in address) {
      const html = await response.text();
      expect(html).toContain(`<html lang="${address.lang}">`);
      expect(html).toContain(address.title);
    }
  }
  // The signed-in workspace too, and the sign-in page.
  for (const address of [workspacePage, "/signin"]) {
    const { response, ms } = await timed(request, address);
    expect(response.status(), address).toBe(503);
    expect(ms).toBeLessThan(DOWN_WITHIN_MS);
  }

  // A form sent now says the database is unavailable, within 3 s, and keeps what was typed.
  let sent = performance.now();
  await update.getByRole("button", { name: "Record status update" }).click();
  await expect(update.getByRole("alert")).toContainText("The database is unavailable; please try again shortly.", {
    timeout: DOWN_WITHIN_MS,
  });
  expect(performance.now() - sent).toBeLessThan(DOWN_WITHIN_MS);
  await expect(update.getByLabel("Rationale")).toHaveValue("Typed while the database was up.");
  await expect(update.getByLabel(/^Date/)).toHaveValue("2026-01-15");

  sent = performance.now();
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await expect(signInPage.getByText("Signing in is not possible right now.")).toBeVisible({ timeout: DOWN_WITHIN_MS });
  expect(performance.now() - sent).toBeLessThan(DOWN_WITHIN_MS);

  // The database returns: the same app serves again within 5 s, with no restart.
  await server.startServer();
  const back = performance.now();
  for (const { path: address } of ADDRESSES) {
    const ms = await backAfter(request, address, back);
    expect(ms, `${address} back after ${Math.round(ms)} ms`).toBeLessThan(BACK_WITHIN_MS);
    timings.push(`${address} 200 ${Math.round(ms)} ms after the restart`);
  }
  // The form left open is sent again as it stands, and this time it is saved.
  await update.getByRole("button", { name: "Record status update" }).click();
  await expect(deployment.getByText("Status update recorded.")).toBeVisible();
  await editor.close();
  await visitor.close();
  console.log(`database outage: ${timings.join("; ")}`);
});
