import { expect, test } from "@playwright/test";

const scorecard = "/demo/uk-france-small-boats-2025";

test("the home page lists the demo agreement under its organisation", async ({ page }) => {
  await page.goto("/");
  const link = page.getByRole("link", { name: /UK–France measures against small-boat crossings/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${scorecard}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("UK–France");
});

test("as of 31 October 2025 the doctrine is stalled, with the BBC report as its reason", async ({ page }) => {
  await page.goto(`${scorecard}?asOf=2025-10-31`);
  await expect(page.getByText("31 October 2025").first()).toBeVisible();
  const doctrine = page.locator("#milestone-adopt-doctrine");
  await expect(doctrine.locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
  await expect(doctrine.locator("[data-health]").first()).toContainText(/stalled/i);
  await expect(doctrine).toContainText("The latest source, BBC, 23 October 2025, reports delay");
});

test("as of 21 November 2025 the doctrine is partly delivered and cites The Times", async ({ page }) => {
  await page.goto(`${scorecard}?asOf=2025-11-21`);
  const doctrine = page.locator("#milestone-adopt-doctrine");
  await expect(doctrine.locator("[data-health]").first()).toHaveAttribute("data-health", "PARTIAL");
  await expect(doctrine).toContainText("The Times");
});

test("as of 1 December 2025 the deployment is overdue since that day", async ({ page }) => {
  await page.goto(`${scorecard}?asOf=2025-12-01`);
  const deployment = page.locator("#milestone-deploy-tactics");
  await expect(deployment.locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
  await expect(deployment).toContainText("Overdue since 1 December 2025 (deadline: November 2025)");
});

test("the as-of form changes the date shown", async ({ page }) => {
  await page.goto(`${scorecard}?asOf=2025-10-31`);
  await page.getByLabel(/as of/i).fill("2025-11-21");
  await page.getByRole("button", { name: /show/i }).click();
  await expect(page).toHaveURL(/asOf=2025-11-21/);
  await expect(page.getByText("21 November 2025").first()).toBeVisible();
});

test("a malformed as-of date gets a message on the page, not an error page", async ({ page }) => {
  const response = await page.goto(`${scorecard}?asOf=2025-13-45`);
  expect(response?.status()).toBe(200);
  // The page is cached per day asked for: a refused day is one page, which cannot repeat the reader's text.
  await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toContainText(
    "The day asked for is not a date; use YYYY-MM-DD.",
  );
  await expect(page.locator("#milestone-adopt-doctrine")).toBeVisible();
});

test("an unknown organisation or agreement answers 404", async ({ page }) => {
  for (const url of ["/no-such-org/uk-france-small-boats-2025", "/demo/no-such-agreement", "/no-such-org"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  }
});
