/**
 * The notifications and webhooks pages (issue 5, item 3) in a real browser, in English and in French, with axe: a
 * member's notifications and the language of their emails; an admin adds a webhook, sees its secret once, and removes
 * it; a reviewer may not manage webhooks. What the daily evaluation puts on these pages is covered by
 * tests/integration/jobs.test.ts (the e2e server's database is its own process's: no test can evaluate in it).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe violations on ${page.url()}`,
  ).toEqual([]);
}

test("a reviewer's notifications page, and the language of their emails, in English and in French", async ({
  page,
}) => {
  await signInAs(page, "REVIEWER", "/w/demo/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByText("This server sends no email: your notifications are shown here only.")).toBeVisible();
  await expectNoViolations(page);

  await page.getByLabel("Language of your emails").selectOption("fr");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: your emails will be in Français.")).toBeVisible();

  await page.goto("/fr/w/demo/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByLabel("Langue de vos courriels")).toHaveValue("fr");
  await expect(page.getByText(/Ce serveur n’envoie pas de courriel/)).toBeVisible();
  await expectNoViolations(page);
  // Back to English, for the other tests' sake.
  await page.getByLabel("Langue de vos courriels").selectOption("en");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText(/Enregistré\u00a0: vos courriels seront en English\./)).toBeVisible();

  // The organisation's page links to it.
  await page.goto("/w/demo");
  await expect(page.getByRole("link", { name: "Notifications" })).toHaveAttribute("href", "/w/demo/notifications");
});

test("an admin adds a webhook, sees its secret once, and removes it", async ({ page }) => {
  const url = `https://hooks.example.org/e2e-${Date.now()}-${test.info().workerIndex}`;
  await signInAs(page, "ADMIN", "/w/demo/webhooks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Webhooks of /);
  await page.getByLabel("Address (https://…)").fill(url);
  await page.getByLabel("Also send the changes of draft agreements").check();
  await page.getByRole("button", { name: "Add the webhook" }).click();
  const secret = page.getByLabel(`Secret of ${url}`);
  await expect(secret).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
  const value = await secret.inputValue();
  await expectNoViolations(page);

  const row = page.getByRole("row", { name: new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
  await expect(row).toContainText("Included");
  await expect(row).toContainText("0 delivered · 0 pending · 0 failed");
  await page.reload();
  await expect(page.getByText(value)).toHaveCount(0);
  expect(await page.content()).not.toContain(value);

  await row.getByRole("button", { name: `Remove the webhook ${url}` }).click();
  // Its row goes, and the form's message with it.
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(url)).toHaveCount(0);
});

test("the webhooks page in French refuses an address that is not http(s), beside the field", async ({ page }) => {
  await signInAs(page, "ADMIN", "/fr/w/demo/webhooks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Webhooks de /);
  await page.getByLabel("Adresse (https://…)").fill("ftp://hooks.example.org/e2e");
  await page.getByRole("button", { name: "Ajouter le webhook" }).click();
  await expect(page.getByLabel("Adresse (https://…)")).toHaveAccessibleDescription(
    "Indiquez l’adresse à laquelle envoyer, commençant par https:// ou http://.",
  );
  await expect(page.getByLabel("Adresse (https://…)")).toHaveValue("ftp://hooks.example.org/e2e");
  await expectNoViolations(page);
});

test("a reviewer sees that only admins manage webhooks, and no form", async ({ page }) => {
  await signInAs(page, "REVIEWER", "/w/demo/webhooks");
  await expect(page.getByText("Only the organisation’s admins manage its webhooks.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the webhook" })).toHaveCount(0);
  await page.goto("/w/demo");
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  // An organisation the reviewer is not in does not exist for them.
  const response = await page.goto("/w/no-such-organisation/webhooks");
  expect(response?.status()).toBe(404);
});
