import { expect, test } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const AGREEMENT = "uk-france-small-boats-2025";
const briefing = `/w/demo/${AGREEMENT}/briefing`;

test("a reviewer briefs on the agreement as of 31 October 2025: the stalled doctrine first, with the BBC quote", async ({
  page,
}) => {
  await signInAs(page, "REVIEWER", `/w/demo/${AGREEMENT}`);
  await page.getByRole("link", { name: "Briefing", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === briefing);
  await page.getByLabel("Brief as of").fill("2025-10-31");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === `${briefing}?asOf=2025-10-31`);

  const items = page.locator("article.briefing-item");
  const first = items.first();
  await expect(first.getByRole("heading", { level: 3 })).toContainText("Maritime doctrine adopted");
  await expect(first.locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
  await expect(first.locator('[data-flag="CONTRADICTED"]')).toContainText("BBC, 23 October 2025");
  await expect(first.getByText("the new doctrine on taxi-boats was still being studied")).toBeVisible();
  const sources = page.getByRole("region", { name: "Sources" }).getByRole("listitem");
  await expect(sources).toHaveCount(1);
  await expect(sources.first()).toContainText("BBC");

  // The same items, in the same order, in the Markdown download.
  const titles = (await items.getByRole("heading", { level: 3 }).allInnerTexts()).map(
    (t) =>
      t
        .split("\n")[0]
        ?.replace(/^\d+\. /, "")
        .trim() ?? "",
  );
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as Markdown" }).click();
  expect((await download).suggestedFilename()).toBe(`briefing-demo-${AGREEMENT}-2025-10-31.md`);
  const response = await page.request.get(`${briefing}.md?asOf=2025-10-31`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const markdown = await response.text();
  const headings = [...markdown.matchAll(/^### \d+\. (.*): [A-Z][a-z ]+$/gm)].map((m) => m[1]);
  expect(headings).toEqual(titles);
  expect(markdown).toContain("still being studied");
  expect(markdown).toMatch(/## Sources\n\n1\. BBC, /);
});

test("printing a briefing hides the site's header, navigation and forms and keeps the items", async ({ page }) => {
  await signInAs(page, "REVIEWER", `${briefing}?asOf=2025-10-31`);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toBeHidden();
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByRole("form", { name: "Change the date" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download as Markdown" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("article.briefing-item").first()).toBeVisible();
  const breaks = await page
    .locator(".briefing-section + .briefing-section")
    .first()
    .evaluate((el) => getComputedStyle(el).breakBefore);
  expect(breaks).toBe("page");
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toBeVisible();
});

test("a reviewer's watchlist briefing shows what they watch, the overdue deployment first on 1 December 2025", async ({
  page,
}) => {
  await signInAs(page, "REVIEWER", `/w/demo/${AGREEMENT}`);
  const deployment = page.locator("#milestone-maritime-interception-deploy-tactics");
  const watch = deployment.getByRole("button", { name: /^Watch / });
  if (await watch.isVisible()) await watch.click();
  await expect(deployment.getByRole("button", { name: /^Unwatch / })).toBeVisible();

  await page.goto("/w/demo/watchlist");
  await page.getByRole("link", { name: "Briefing on your watchlist" }).click();
  await page.getByLabel("Brief as of").fill("2025-12-01");
  await page.getByRole("button", { name: "Show" }).click();
  const first = page.locator("article.briefing-item").first();
  await expect(first).toHaveAttribute("data-milestone", "maritime-interception/deploy-tactics");
  await expect(first.locator('[data-flag="OVERDUE"]')).toContainText(
    "Overdue since 1 December 2025 (deadline: November 2025)",
  );
  const markdown = await (await page.request.get("/w/demo/watchlist/briefing.md?asOf=2025-12-01")).text();
  expect(markdown).toMatch(/^# Briefing: Your watchlist\n/);
  expect(markdown).toMatch(/## Needs attention\n\n### 1\. [^\n]*: Stalled\n/);

  await page.goto(`/w/demo/${AGREEMENT}`);
  await page
    .locator("#milestone-maritime-interception-deploy-tactics")
    .getByRole("button", { name: /^Unwatch / })
    .click();
  await expect(
    page.locator("#milestone-maritime-interception-deploy-tactics").getByRole("button", { name: /^Watch / }),
  ).toBeVisible();
});

test("signed out: the page asks to sign in, the download answers 404 and a bad day 400 only to members", async ({
  page,
  request,
}) => {
  await page.goto(`${briefing}?asOf=2025-10-31`);
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`${briefing}?asOf=2025-10-31`);
  for (const path of [
    `${briefing}.md?asOf=2025-10-31`,
    "/w/demo/watchlist/briefing.md",
    "/w/nowhere/watchlist/briefing.md",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).toBe("Not found.");
  }
  await signInAs(page, "REVIEWER", "/account");
  const bad = await page.request.get(`${briefing}.md?asOf=2025-02-30`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toBe('"2025-02-30" is not a date; use YYYY-MM-DD.');
});
