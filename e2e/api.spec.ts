import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

const org = "demo";
const agreement = "uk-france-small-boats-2025";
const api = `/api/v1/${org}/agreements/${agreement}`;

test("the agreements list and the health document answer JSON to any origin", async ({ request }) => {
  const list = await request.get(`/api/v1/${org}/agreements`, { headers: { Origin: "https://example.org" } });
  expect(list.status()).toBe(200);
  expect(list.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  expect(list.headers()["access-control-allow-credentials"]).toBeUndefined();
  expect(list.headers()["cache-control"]).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/);
  const body = (await list.json()) as { agreements: Array<{ slug: string; links: { health: string } }> };
  expect(body.agreements.map((a) => a.slug)).toEqual([agreement]);

  const health = await request.get(`${body.agreements[0]?.links.health}?asOf=2025-10-31`);
  expect(health.status()).toBe(200);
  const document = (await health.json()) as {
    asOf: string;
    agreements: Array<{ commitments: Array<{ milestones: Array<{ id: string; health: string }> }> }>;
  };
  expect(document.asOf).toBe("2025-10-31");
  const doctrine = document.agreements[0]?.commitments
    .flatMap((c) => c.milestones)
    .find((m) => m.id === "adopt-doctrine");
  expect(doctrine?.health).toBe("STALLED");
});

test("a bad asOf is a 400 naming the field, an unknown agreement a 404, both in JSON", async ({ request }) => {
  const bad = await request.get(`${api}/health?asOf=2025-13-45`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({
    error: {
      message: 'Invalid query parameter: asOf: expected a day YYYY-MM-DD, got "2025-13-45"',
      fieldErrors: { asOf: ['expected a day YYYY-MM-DD, got "2025-13-45"'] },
    },
  });
  const missing = await request.get(`/api/v1/${org}/agreements/no-such-agreement`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["access-control-allow-origin"]).toBe("*");
});

test("a CORS preflight is answered for GET, HEAD and OPTIONS", async ({ request }) => {
  const preflight = await request.fetch(`${api}/health`, {
    method: "OPTIONS",
    headers: {
      Origin: "https://example.org",
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "x-requested-with",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
  expect(preflight.headers()["access-control-allow-headers"]).toBe("*");
  expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();

  const head = await request.head(`/api/v1/${org}/export`);
  expect(head.status()).toBe(200);
  expect(head.headers()["access-control-allow-origin"]).toBe("*");
});

test("a page on another origin reads the API in the browser, preflight included", async ({ page, baseURL }) => {
  // The tests browse http://127.0.0.1:<port>; http://localhost:<port> is another origin to the browser. The page
  // that asks is a document of the API's (no page policy of ours): the app's own pages may only connect to their own
  // origin (connect-src 'self'), which another site's pages are not bound by.
  const other = new URL(baseURL ?? "");
  other.hostname = "localhost";
  await page.goto("/api/v1/openapi.json");
  const result = await page.evaluate(
    async (url) => {
      // A custom header makes this a non-simple request: the browser must ask with a preflight first.
      const response = await fetch(url, { headers: { "X-Requested-With": "accordwatch-e2e" } });
      return { status: response.status, body: (await response.json()) as { asOf: string } };
    },
    new URL(`${api}/health?asOf=2025-12-01`, other).toString(),
  );
  expect(result.status).toBe(200);
  expect(result.body.asOf).toBe("2025-12-01");
});

test("the scorecard's CSV download holds the health the page shows for every milestone", async ({ page }) => {
  await page.goto(`/${org}/${agreement}?asOf=2025-12-01`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Milestones with their health (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${org}-${agreement}-milestones-2025-12-01.csv`);
  const text = await readFile(await download.path(), "utf8");
  const lines = text.split("\r\n");
  expect(lines[0]).toBe(
    "as_of,commitment_id,commitment_title,milestone_id,milestone_title,responsible,owner,deadline,due,status,health,flags,reasons",
  );
  for (const milestone of ["adopt-doctrine", "deploy-tactics", "enact-scheme"]) {
    const shown = await page.locator(`#milestone-${milestone} [data-health]`).first().getAttribute("data-health");
    const line = lines.find((l) => l.includes(`,${milestone},`));
    expect(line, milestone).toBeDefined();
    expect(line, milestone).toContain(`,${shown},`);
  }
  expect(text).toContain("Overdue since 1 December 2025 (deadline: November 2025)");
});
