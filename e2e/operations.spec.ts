/**
 * Operations (issue 5, item 4) against the running app: the probes, and a request id on every answer — pages in
 * both languages (through the language proxy), a route handler behind it, the open-data API — honoured when sane.
 */
import { expect, test } from "@playwright/test";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("/healthz and /readyz answer small JSON, never cached, with a request id", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect(health.headers()["x-request-id"]).toMatch(UUID);

  const ready = await request.get("/readyz", { headers: { "X-Request-Id": "probe-1" } });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(ready.headers()["x-request-id"]).toBe("probe-1");
});

test("every answer says its request id, keeping a sane one the client sent", async ({ request }) => {
  for (const address of ["/demo", "/fr/demo", "/demo/feed.xml", "/api/v1/demo/agreements", "/signin"]) {
    const kept = await request.get(address, { headers: { "X-Request-Id": "client-id-42" } });
    expect(kept.status(), address).toBe(200);
    expect(kept.headers()["x-request-id"], address).toBe("client-id-42");

    const replaced = await request.get(address, { headers: { "X-Request-Id": "not a sane id" } });
    expect(replaced.headers()["x-request-id"], address).toMatch(UUID);

    const made = await request.get(address);
    expect(made.headers()["x-request-id"], address).toMatch(UUID);
  }
});

test("the language proxy still works: English at plain addresses, French under /fr, /en redirected", async ({
  page,
  request,
}) => {
  await page.goto("/demo");
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await page.goto("/fr/demo");
  await expect(page.locator("html")).toHaveAttribute("lang", /^fr/);
  const english = await request.get("/en/demo", { maxRedirects: 0 });
  expect(english.status()).toBeGreaterThanOrEqual(300);
  expect(english.headers()["location"]).toBe("/demo");
  expect(english.headers()["x-request-id"]).toMatch(UUID);
});
