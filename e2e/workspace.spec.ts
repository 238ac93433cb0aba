import { expect, test } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const workspacePage = "/w/demo/uk-france-small-boats-2025";

test("an editor records a status update and the health changes here and on the public scorecard", async ({ page }) => {
  await signInAs(page, "EDITOR", workspacePage);
  const deployment = page.locator("#milestone-maritime-interception-deploy-tactics");
  await expect(deployment.locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");

  await deployment.getByText("Record a status update").click();
  const update = deployment.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("COMPLETE");
  await update.getByLabel(/^Date/).fill("2026-01-15");
  await update.getByLabel("Rationale").fill("Deployed at sea, as the e2e test records.");
  await update.getByLabel(/The Times/).check();
  await update.getByRole("button", { name: "Record status update" }).click();

  await expect(deployment.getByText("Status update recorded.")).toBeVisible();
  await expect(deployment.locator("[data-health]").first()).toHaveAttribute("data-health", "DONE");

  await page.goto("/demo/uk-france-small-boats-2025?asOf=2026-02-01");
  await expect(page.locator("#milestone-deploy-tactics [data-health]").first()).toHaveAttribute("data-health", "DONE");
  // Dated January 2026, the update changes nothing as of an earlier day.
  await page.goto("/demo/uk-france-small-boats-2025?asOf=2025-12-01");
  await expect(page.locator("#milestone-deploy-tactics [data-health]").first()).toHaveAttribute(
    "data-health",
    "STALLED",
  );
});

test("a refused status update shows the error beside the field and keeps what was typed", async ({ page }) => {
  await signInAs(page, "EDITOR", workspacePage);
  const doctrine = page.locator("#milestone-maritime-interception-adopt-doctrine");
  await doctrine.getByText("Record a status update").click();
  const update = doctrine.getByRole("form", { name: /^Status update of/ });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel(/^Date/).fill("2026-13");
  await update.getByLabel("Rationale").fill("Typed text that must survive the refusal.");
  await update.getByRole("button", { name: "Record status update" }).click();

  await expect(update.getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expect(update.getByLabel(/^Date/)).toHaveAccessibleDescription(/expected a date/);
  await expect(update.getByLabel("Rationale")).toHaveValue("Typed text that must survive the refusal.");
  await expect(doctrine.locator("[data-health]").first()).not.toHaveAttribute("data-health", "IN_PROGRESS");
});

test("a reviewer reads the workspace, drafts included, without editing forms", async ({ page }) => {
  await signInAs(page, "REVIEWER", workspacePage);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("UK–France");
  await expect(page.getByText("Record a status update")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /publish/i })).toHaveCount(0);
});

test("the workspace sends the public to sign in and answers 404 for an organisation one is not in", async ({
  page,
}) => {
  await page.goto(workspacePage);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signInAs(page, "EDITOR", "/w");
  await expect(page.getByRole("link", { name: "Accordwatch demo" })).toBeVisible();
  const response = await page.goto("/w/no-such-org");
  expect(response?.status()).toBe(404);
});
