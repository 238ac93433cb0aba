/**
 * The public find page (issue 4, item 6) in Chromium: full-text search of the demo's quotes, the overdue filter as of
 * a day, the address holding the state, keyboard-only use, and refused parameters shown beside their fields.
 */
import { expect, test, type Page } from "@playwright/test";

const FIND = "/demo/find";

const results = (page: Page) => page.locator("li[data-milestone]");

/**
 * With no filter, every published milestone is listed and counted. Other tests publish agreements in the same
 * organisation, so the count is the list's length, and the demo's three milestones are among them.
 */
async function expectEveryMilestone(page: Page): Promise<void> {
  await expect(page.getByRole("status")).toHaveText(/^\d+ milestones in the published scorecards\.$/);
  const count = await results(page).count();
  expect(count).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole("status")).toHaveText(`${count} milestones in the published scorecards.`);
  for (const milestone of ["adopt-doctrine", "deploy-tactics", "enact-scheme"]) {
    await expect(page.locator(`li[data-milestone="${milestone}"]`)).toBeVisible();
  }
}

test("the organisation's home links to the find page", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("link", { name: /Find milestones/ }).click();
  await expect(page).toHaveURL(new RegExp(`${FIND}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find milestones");
  await expectEveryMilestone(page);
});

test("finds the deployment by a word of the BBC's quote, with the word marked in the snippet", async ({ page }) => {
  await page.goto(FIND);
  await page.getByLabel("Search titles, rationales and quotes").fill("backing");
  await page.getByRole("button", { name: "Find", exact: true }).click();

  await expect(page).toHaveURL(/\/demo\/find\?q=backing(&|$)/);
  await expect(page.getByRole("status")).toHaveText("1 milestone matches this search.");
  await expect(results(page)).toHaveCount(1);
  const deployment = results(page).first();
  await expect(deployment).toHaveAttribute("data-milestone", "deploy-tactics");
  await expect(deployment.getByRole("heading", { level: 3 })).toHaveText("Interception tactics deployed at sea");
  await expect(deployment).toContainText("Evidence quote (BBC)");
  await expect(deployment.locator("mark")).toHaveText("backing");
});

test("filters the overdue milestones as of 1 December 2025, and a reload keeps them", async ({ page }) => {
  await page.goto(FIND);
  await page.getByLabel("As of", { exact: true }).fill("2025-12-01");
  await page.getByLabel("Overdue only").check();
  await page.getByRole("button", { name: "Find", exact: true }).click();

  await expect(page).toHaveURL(/[?&]overdue=1(&|$)/);
  await expect(page).toHaveURL(/[?&]asOf=2025-12-01(&|$)/);
  const check = async () => {
    await expect(page.getByRole("status")).toHaveText("1 milestone matches this search.");
    const deployment = results(page).first();
    await expect(deployment).toHaveAttribute("data-milestone", "deploy-tactics");
    await expect(deployment.locator("[data-health]")).toHaveAttribute("data-health", "STALLED");
    await expect(deployment.locator('[data-flag="OVERDUE"]')).toContainText(
      "Overdue since 1 December 2025 (deadline: November 2025)",
    );
    await expect(page.getByLabel("Overdue only")).toBeChecked();
    await expect(page.getByLabel("As of", { exact: true })).toHaveValue("2025-12-01");
  };
  await check();
  await page.reload();
  await check();

  // Its link opens the scorecard as it stood that day, at the milestone.
  await results(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/demo\/uk-france-small-boats-2025\?asOf=2025-12-01#milestone-deploy-tactics$/);
});

test("says so when nothing matches, and on 30 November 2025 nothing is overdue yet", async ({ page }) => {
  await page.goto(`${FIND}?overdue=1&asOf=2025-11-30`);
  await expect(page.getByRole("status")).toHaveText("No milestone matches this search.");
  await expect(results(page)).toHaveCount(0);
  await expect(page.getByText("Try fewer words or fewer filters")).toBeVisible();
});

test("can be used with the keyboard alone", async ({ page }) => {
  await page.goto(FIND);
  const search = page.getByLabel("Search titles, rationales and quotes");
  for (let i = 0; i < 30 && !(await search.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(search).toBeFocused();
  await page.keyboard.type("delay");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Party")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Party")).toHaveValue("FR");

  const button = page.getByRole("button", { name: "Find", exact: true });
  for (let i = 0; i < 40 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/[?&]q=delay(&|$)/);
  await expect(page).toHaveURL(/[?&]party=FR(&|$)/);
  await expect(page.locator('li[data-milestone="deploy-tactics"]')).toBeVisible();
  await expect(page.getByLabel("Search titles, rationales and quotes")).toHaveValue("delay");
});

test("shows a refused parameter's message beside its field, not an error page", async ({ page }) => {
  const response = await page.goto(`${FIND}?asOf=not-a-date&health=SLOW&q=the`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("#find-asOf-error")).toHaveText('"not-a-date" is not a date; use YYYY-MM-DD.');
  await expect(page.getByLabel("As of", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#find-health-error")).toContainText('"SLOW" is not a health');
  await expect(page.locator("#find-q-error")).toContainText("Nothing to search for in “the”");
  await expect(page.getByLabel("Search titles, rationales and quotes")).toHaveValue("the");
  await expectEveryMilestone(page);
});

test("shows the last page for a page beyond it, and refuses a page that is no number, with a message", async ({
  page,
}) => {
  // The demo's milestones fit on one page (FIND_PAGE_SIZE): no page links, and page 2 is beyond the last.
  let response = await page.goto(`${FIND}?party=FR&page=2`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("#find-page-error")).toHaveText("There is only 1 page of results: this is the last.");
  await expect(page.getByRole("navigation", { name: "Pages of results" })).toHaveCount(0);
  await expect(page.locator('li[data-milestone="deploy-tactics"]')).toBeVisible();

  response = await page.goto(`${FIND}?page=zero`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("#find-page-error")).toHaveText('"zero" is not a page number; use a whole number from 1.');
  await expectEveryMilestone(page);
});
