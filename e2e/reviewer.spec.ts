import { expect, test } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const workspacePage = "/w/demo/uk-france-small-boats-2025";
const doctrineId = "#milestone-maritime-interception-adopt-doctrine";

test("a reviewer's comment shows in the workspace, the history and the changes, and never on the public scorecard", async ({
  page,
}) => {
  const body = `Reviewer note ${Date.now()}: the doctrine text is still unpublished.`;
  await signInAs(page, "REVIEWER", workspacePage);
  const doctrine = page.locator(doctrineId);
  await expect(doctrine.getByText("Internal: never shown publicly")).toBeVisible();
  await doctrine.getByLabel("Comment (internal)").fill(body);
  await doctrine.getByRole("button", { name: "Add comment" }).click();

  await expect(doctrine.getByText("Comment added.")).toBeVisible();
  await expect(doctrine.getByRole("listitem").filter({ hasText: body })).toBeVisible();
  await page.reload();
  await expect(page.locator(doctrineId).getByText(body)).toBeVisible();

  const scorecard = await page.goto("/demo/uk-france-small-boats-2025");
  expect(scorecard?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain(body);

  await page.goto("/w/demo/changes?since=2020-01-01");
  await expect(page.getByText(body)).toBeVisible();

  await page.goto("/w/demo/history");
  const event = page.getByRole("listitem").filter({ hasText: "comment.create" }).filter({ hasText: body });
  await expect(event).toBeVisible();
});

test("a refused comment shows the error beside the field and keeps what was typed", async ({ page }) => {
  await signInAs(page, "REVIEWER", workspacePage);
  const doctrine = page.locator(doctrineId);
  await doctrine.getByLabel("Comment (internal)").fill("   ");
  await doctrine.getByRole("button", { name: "Add comment" }).click();
  await expect(doctrine.getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expect(doctrine.getByLabel("Comment (internal)")).toHaveAccessibleDescription(/Write a comment/);
  await expect(doctrine.getByLabel("Comment (internal)")).toHaveValue("   ");
});

test("a reviewer watches a milestone and finds it on the watchlist with its health", async ({ page }) => {
  await signInAs(page, "REVIEWER", workspacePage);
  const doctrine = page.locator(doctrineId);
  const title = (await doctrine.getByRole("heading", { level: 3 }).innerText()).split("\n")[0]?.trim() ?? "";
  await doctrine.getByRole("button", { name: /^Watch / }).click();
  await expect(doctrine.getByRole("button", { name: /^Unwatch / })).toBeVisible();

  await page.goto("/w/demo/watchlist");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item).toBeVisible();
  await expect(item.locator("[data-health]")).toHaveCount(1);

  await item.getByRole("button", { name: /^Unwatch / }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("the changes view explains a malformed date instead of failing", async ({ page }) => {
  await signInAs(page, "REVIEWER", "/w/demo/changes?since=2025-13-45");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("is not a date");
  await expect(page.getByLabel(/^Since/)).toHaveAccessibleDescription(/is not a date/);
});

test("a milestone's History link shows only that milestone's events", async ({ page }) => {
  await signInAs(page, "REVIEWER", workspacePage);
  await page
    .locator(doctrineId)
    .getByRole("link", { name: /^History/ })
    .click();
  await expect(page).toHaveURL(/\/w\/demo\/history\?entityType=milestone&entityId=/);
  await expect(page.getByText(/Showing only milestone/)).toBeVisible();
});

test("the reviewer pages send the public to sign in and answer 404 for an organisation one is not in", async ({
  page,
}) => {
  for (const path of ["/w/demo/history", "/w/demo/changes", "/w/demo/watchlist"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await signInAs(page, "REVIEWER", "/w/demo/watchlist");
  for (const path of ["/w/no-such-org/history", "/w/no-such-org/changes", "/w/no-such-org/watchlist"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});
