/**
 * What the app's ISR cache writes to disk is bounded (lib/http/bounded-file-system-cache.mjs,
 * lib/domain/schemas/as-of.ts): many unknown slugs, days out of range and past days add no file under the build's
 * `.next/server/app`, and a page that was a 200 on disk answers 404 once its agreement is unpublished, after a
 * restart too.
 *
 * Every app of the suite serves the same build, so they share `.next/server/app`: the first test asks the suite's
 * server for addresses no other spec uses (a random token in each) and looks for files that name them; the second
 * runs an app of its own (e2e/support/own-app.ts) on its own PostgreSQL, with the demo under an organisation slug of
 * its own, since it unpublishes an agreement.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { todayUtc } from "../lib/clock";
import { startPostgres, type PostgresServer } from "../tests/support/postgres";
import { prepare, startOwnApp, type OwnApp } from "./support/own-app";

/**
 * Where Next.js writes its ISR entries: `.next/server/app/<path>` and, for the pages rendered on demand, under
 * `.next/server/route-cache/<kind>/<route>/$/<path>` (next/dist/server/lib/incremental-cache/file-system-cache.js).
 */
const SERVER_DIR = path.resolve(import.meta.dirname, "..", ".next", "server");
const CACHE_DIRS = ["app", "route-cache"];
const AGREEMENT = "uk-france-small-boats-2025";
const N = 12;

/** Every file the ISR cache wrote, as the page path it holds (`en/asof/2025-11-21/demo.html`). */
function cacheFiles(): string[] {
  return CACHE_DIRS.flatMap((dir) => {
    const root = path.join(SERVER_DIR, dir);
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, encoding: "utf8" }).map((file) => {
      const slashed = file.split(path.sep).join("/");
      const marker = slashed.indexOf("/$/");
      return marker === -1 ? slashed : slashed.slice(marker + 3);
    });
  });
}

test("unknown slugs, days out of range and past days leave no file in the ISR cache", async ({ request }) => {
  test.setTimeout(120_000);
  const token = `zz${randomBytes(4).toString("hex")}`;
  const unknown = Array.from({ length: N }, (_, i) => [
    `/${token}-org-${i}`,
    `/fr/${token}-org-${i}/x`,
    `/demo/${token}-agreement-${i}`,
    `/demo/${AGREEMENT}/commitments/${token}-commitment-${i}`,
    `/demo/sources/${token}-source-${i}`,
    `/embed/demo/${token}-agreement-${i}`,
  ]).flat();
  for (const address of unknown) expect((await request.get(address)).status(), address).toBe(404);

  // Days no other spec asks for: after today, before 1900, and past days (kept in memory only).
  const year = 2200 + (randomBytes(1)[0] ?? 0);
  const days = Array.from({ length: N }, (_, i) => {
    const day = `${String(i + 1).padStart(2, "0")}`;
    return [`${year}-01-${day}`, `0${year - 2000}-02-${day}`, `19${String(10 + i)}-03-${day}`];
  }).flat();
  for (const day of days) {
    for (const address of [`/demo/${AGREEMENT}?asOf=${day}`, `/fr/embed/demo/${AGREEMENT}?asOf=${day}`]) {
      expect((await request.get(address)).status(), address).toBe(200);
    }
  }

  // The folder is the right one: today's scorecard is there (every spec asks for it), on disk.
  await request.get(`/demo/${AGREEMENT}`);
  const today = `en/asof/${todayUtc()}/demo/${AGREEMENT}.html`;
  await expect.poll(() => cacheFiles().includes(today), { message: today }).toBe(true);
  const files = cacheFiles();
  expect(files.filter((f) => f.includes(token))).toEqual([]);
  expect(files.filter((f) => days.some((day) => f.includes(`/${day}`)))).toEqual([]);
});

test.describe("an unpublished agreement", () => {
  const org = `probe-${randomBytes(4).toString("hex")}`;
  const scorecard = `/${org}/${AGREEMENT}`;
  let postgres: PostgresServer | undefined;
  let app: OwnApp | undefined;
  let env: NodeJS.ProcessEnv = { ...process.env };

  function cleanUpSync(): void {
    app?.kill();
    postgres?.stopSync();
  }

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    process.once("exit", cleanUpSync);
    postgres = await startPostgres();
    env = { ...process.env, DATABASE_URL: postgres.url, NEXT_TELEMETRY_DISABLED: "1", ACCORDWATCH_JOBS: "off" };
    prepare("e2e/support/outage-database.ts", env, 60_000);
    await sql(`UPDATE organisations SET slug = $1 WHERE slug = 'demo'`, [org]);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app.log", { body: app?.log() ?? "" });
  });

  test.afterAll(async () => {
    process.removeListener("exit", cleanUpSync);
    await app?.stop();
    await postgres?.stop();
  });

  async function sql(text: string, values: unknown[]): Promise<void> {
    const client = new pg.Client({ connectionString: postgres?.url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  test("answers 404, its page gone from disk, after a restart too", async ({ request }) => {
    test.setTimeout(120_000);
    const onDisk = `en/asof/${todayUtc()}/${org}/${AGREEMENT}.html`;
    app = await startOwnApp(env, scorecard);
    await expect.poll(() => cacheFiles().includes(onDisk), { message: onDisk }).toBe(true);

    await sql(
      `UPDATE agreements SET published = false
        WHERE slug = $1 AND organisation_id = (SELECT id FROM organisations WHERE slug = $2)`,
      [AGREEMENT, org],
    );
    // Unpublished behind the app's back (no revalidation): it renders the page again within ten seconds.
    await expect
      .poll(async () => (await request.get(`${app?.base}${scorecard}`)).status(), { timeout: 30_000, intervals: [500] })
      .toBe(404);
    expect(cacheFiles().includes(onDisk), onDisk).toBe(false);

    await app.stop();
    app = await startOwnApp(env, "/");
    expect((await request.get(`${app.base}${scorecard}`)).status()).toBe(404);
    expect((await request.get(`${app.base}/fr${scorecard}`)).status()).toBe(404);
    expect(cacheFiles().includes(onDisk), onDisk).toBe(false);
  });
});
