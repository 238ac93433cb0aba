/**
 * Two instances of the app on one PostgreSQL, as deploy/ runs them (issue 5, item 1: "an edit invalidates the
 * affected public pages so that the origin serves the new state on the next request"): an edit made through one
 * instance shows on the other's public pages at once, though the other had the page in its own cache, fresh for ten
 * more seconds (lib/http/shared-invalidation.mjs: the edit's revalidation announced with NOTIFY, expired by every
 * instance that LISTENs).
 *
 * Its own PostgreSQL and its own two `next start` (e2e/support/own-app.ts), since it edits the demo.
 */
import { expect, test } from "@playwright/test";
import { startPostgres, type PostgresServer } from "../tests/support/postgres";
import { signInAtApp, type DemoAccount } from "./support/demo-accounts";
import { prepare, startOwnApp, type OwnApp } from "./support/own-app";

const scorecard = "/demo/uk-france-small-boats-2025";
const workspacePage = "/w/demo/uk-france-small-boats-2025";
/**
 * How soon the other instance must show the edit: well inside the ten seconds after which it would render the page
 * again anyway (PAGE_REVALIDATE_SECONDS), so that only the shared invalidation can pass.
 */
const SEEN_WITHIN_MS = 2_000;

let postgres: PostgresServer | undefined;
let apps: OwnApp[] = [];
let accounts: DemoAccount[] = [];

function cleanUpSync(): void {
  for (const app of apps) app.kill();
  postgres?.stopSync();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  process.once("exit", cleanUpSync);
  postgres = await startPostgres();
  const env = { ...process.env, DATABASE_URL: postgres.url, NEXT_TELEMETRY_DISABLED: "1" };
  accounts = prepare<DemoAccount[]>("e2e/support/outage-database.ts", env, 60_000);
  apps = await Promise.all([startOwnApp(env, scorecard), startOwnApp(env, scorecard)]);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    for (const [i, app] of apps.entries()) await testInfo.attach(`app-${i}.log`, { body: app.log() });
  }
});

test.afterAll(async () => {
  process.removeListener("exit", cleanUpSync);
  await Promise.all(apps.map((app) => app.stop()));
  await postgres?.stop();
});

test("an edit through one instance shows at once on the other's cached public page", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const [editing, other] = apps;
  if (!editing || !other) throw new Error("two instances are needed");
  const rationale = `Seen by every instance ${Date.now()}.`;

  // The editor's form, filled on the first instance and not sent yet.
  const page = await (await browser.newContext()).newPage();
  await signInAtApp(page, editing.base, accounts, "EDITOR", workspacePage);
  const deployment = page.locator("#milestone-maritime-interception-deploy-tactics");
  await deployment.getByText("Record a status update").click();
  const update = deployment.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel(/^Date/).fill("2026-01-15");
  await update.getByLabel("Rationale").fill(rationale);
  await update.getByLabel(/The Times/).check();

  // The other instance holds the scorecard in its own cache, just rendered (so fresh for ten seconds).
  const otherScorecard = `${other.base}${scorecard}`;
  await expect
    .poll(async () => (await request.get(otherScorecard)).headers()["x-nextjs-cache"], { timeout: 10_000 })
    .toBe("HIT");
  expect(await (await request.get(otherScorecard)).text()).not.toContain(rationale);

  await update.getByRole("button", { name: "Record status update" }).click();
  await expect(deployment.getByText("Status update recorded.")).toBeVisible();

  // The editing instance renders the new state on its next request (its own revalidatePath)…
  expect(await (await request.get(`${editing.base}${scorecard}`)).text()).toContain(rationale);
  // …and so does the other one, told through PostgreSQL, in both languages.
  await expect
    .poll(async () => (await request.get(otherScorecard)).text(), { timeout: SEEN_WITHIN_MS, intervals: [100] })
    .toContain(rationale);
  expect(await (await request.get(`${other.base}/fr${scorecard}`)).text()).toContain(rationale);
});
