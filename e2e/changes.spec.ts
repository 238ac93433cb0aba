import { expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

const scorecard = "/demo/uk-france-small-boats-2025";
const changes = `${scorecard}/changes`;
const stalledId = "uk-france-small-boats-2025/maritime-interception/adopt-doctrine/health/2025-10-23/STALLED";

test("the changelog shows the doctrine's transition to stalled on 23 October 2025, citing the BBC", async ({
  page,
}) => {
  await page.goto(changes);
  const day = page.locator('section[data-day="2025-10-23"]');
  await expect(day.getByRole("heading", { level: 2 })).toHaveText("23 October 2025");
  const entry = day.locator(`[data-change-id="${stalledId}"]`);
  await expect(entry).toHaveAttribute("data-health-to", "STALLED");
  await expect(entry.locator("[data-health]")).toHaveText(["At risk", "Stalled"]);
  await expect(entry).toContainText("The latest source, BBC, 23 October 2025, reports delay");
  await expect(entry.locator('[data-source="bbc-2025-10-23"]')).toContainText("BBC");
});

test("an entry links to its milestone on the scorecard as it stood that day", async ({ page }) => {
  await page.goto(changes);
  await page.locator(`[data-change-id="${stalledId}"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${scorecard}\\?asOf=2025-10-23#milestone-adopt-doctrine$`));
  const doctrine = page.locator("#milestone-adopt-doctrine");
  await expect(doctrine.locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
});

test("the scorecard links to its changes, whose page announces and links a working Atom feed", async ({
  page,
  request,
}) => {
  await page.goto(`${scorecard}?asOf=2025-11-21`);
  await page.getByRole("link", { name: "What changed, day by day" }).click();
  await expect(page).toHaveURL(new RegExp(`${changes}\\?asOf=2025-11-21$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("what changed");

  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute(
    "href",
    `${scorecard}/feed.xml`,
  );
  const href = await page.getByRole("link", { name: /Atom feed/ }).getAttribute("href");
  expect(href).toBe(`${scorecard}/feed.xml`);

  const response = await request.get(href ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("public, s-maxage=1, stale-while-revalidate=59");
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(
    await response.text(),
  ) as { feed: { entry: Array<{ id: string; updated: string }> } };
  const entry = parsed.feed.entry.find((e) => e.id.endsWith(`:demo/${stalledId}`));
  expect(entry?.updated).toBe("2025-10-23T00:00:00.000Z");
});

test("the organisation page links its own feed, which answers Atom", async ({ page, request }) => {
  await page.goto("/demo");
  const href = await page.getByRole("link", { name: /Atom feed/ }).getAttribute("href");
  expect(href).toBe("/demo/feed.xml");
  const response = await request.get(href ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
});

test("as of 31 October 2025 the changes stop at that day", async ({ page }) => {
  await page.goto(`${changes}?asOf=2025-10-31`);
  await expect(page.locator("[data-as-of]")).toHaveAttribute("data-as-of", "2025-10-31");
  const days = await page
    .locator("section[data-day]")
    .evaluateAll((sections) => sections.map((s) => s.getAttribute("data-day") ?? ""));
  expect(days[0]).toBe("2025-10-23");
  expect(days.every((day) => day <= "2025-10-31")).toBe(true);
  await expect(page.locator('[data-change-id$="/adopt-doctrine/status/2025-11/PARTIAL"]')).toHaveCount(0);
});

test("before the agreement was announced, the page says nothing has changed", async ({ page }) => {
  await page.goto(`${changes}?asOf=2025-06-30`);
  await expect(page.locator("[data-empty-changelog]")).toContainText("Nothing has changed by 30 June 2025");
  await expect(page.locator("section[data-day]")).toHaveCount(0);
});

test("a malformed as-of date gets a message on the changes page, not an error page", async ({ page }) => {
  const response = await page.goto(`${changes}?asOf=2025-13-45`);
  expect(response?.status()).toBe(200);
  // Next's route announcer is an alert too: the page's own is the one with text.
  await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toContainText(
    "The day asked for is not a date; use YYYY-MM-DD.",
  );
  await expect(page.locator(`[data-change-id="${stalledId}"]`)).toBeVisible();
});

test("unknown organisations and agreements answer 404, for the page and the feeds", async ({ page, request }) => {
  const pageResponse = await page.goto("/demo/no-such-agreement/changes");
  expect(pageResponse?.status()).toBe(404);
  for (const url of ["/no-such-org/feed.xml", "/demo/no-such-agreement/feed.xml", "/no-such-org/x/feed.xml"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});
