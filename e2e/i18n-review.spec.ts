import { expect, test, type Page } from "@playwright/test";
import { demoAccount, type DemoAccount } from "./support/demo-accounts";

/**
 * The reviewer's pages in French: signing in on /fr/signin lands on French pages, which show French headings, the
 * French document language and none of the English interface phrases they had.
 */

const AGREEMENT = "uk-france-small-boats-2025";

/** Fills and submits the French sign-in form, and waits for NextAuth's answer. */
async function submitFrenchSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await answered;
}

/** Signs in on /fr/signin, sent there by a French page, and waits until that page is shown again. */
async function signInInFrench(page: Page, role: DemoAccount["role"], path: string): Promise<void> {
  const { email, password } = demoAccount(role);
  await page.goto(path);
  await expect(page).toHaveURL((url) => url.pathname === "/fr/signin");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
  await submitFrenchSignIn(page, email, password);
  await expect(page).toHaveURL((url) => url.pathname + url.search === path, { timeout: 15_000 });
}

async function expectFrench(page: Page, absent: readonly string[]): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  const text = await page.getByRole("main").innerText();
  for (const phrase of absent) expect(text, phrase).not.toContain(phrase);
}

test("signing in on /fr/signin as the reviewer lands on the French account page", async ({ page }) => {
  const reviewer = demoAccount("REVIEWER");
  await page.goto("/fr/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await submitFrenchSignIn(page, reviewer.email, reviewer.password);
  await expect(page).toHaveURL((url) => url.pathname === "/fr/account", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre compte");
  await expect(page.getByRole("row").filter({ hasText: "demo" })).toContainText("Relecteur");
  await expect(page.getByRole("button", { name: "Se déconnecter partout" })).toBeVisible();
  await expectFrench(page, ["Your account", "Your organisations", "Sign out", "In this browser."]);
});

test("a wrong password on /fr/signin shows a French error and keeps the email", async ({ page }) => {
  // An email without an account: the attempt counts against no demo account's sign-in limit.
  const email = `nobody-fr-${Date.now()}-${test.info().workerIndex}@demo.accordwatch.test`;
  await page.goto("/fr/signin");
  await submitFrenchSignIn(page, email, "not the password");
  await expect(page.getByRole("status")).toHaveText("Adresse électronique ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse électronique")).toHaveValue(email);
  await expect(page).toHaveURL((url) => url.pathname === "/fr/signin");
  await expectFrench(page, ["Wrong email or password.", "For members of an organisation", "No account?"]);
});

test("the reviewer's watchlist, history, changes and briefing in French", async ({ page }) => {
  await signInInFrench(page, "REVIEWER", "/fr/w/demo/watchlist");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre liste de suivi");
  await expect(page.getByRole("main")).toContainText("Cette liste n’est visible que par vous.");
  await expectFrench(page, ["Your watchlist", "Only you see this list", "You watch nothing yet", "watched since"]);

  await page.goto("/fr/w/demo/history");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique");
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toContainText("Espace de travail");
  // "son historique", named for screen readers by the record it is the history of.
  await expect(page.getByRole("link", { name: /^Historique\s: / }).first()).toHaveText("son historique");
  await expectFrench(page, ["Every change in the organisation", "its history", "No field changed", "Workspace"]);

  await page.goto("/fr/w/demo/changes?since=2025-01-01");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifications depuis une date");
  await expect(page.getByRole("heading", { level: 2, name: "Ce qui s’est passé" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Modifications dans l’espace de travail" })).toBeVisible();
  await expect(page.getByLabel(/^Depuis le/)).toHaveValue("2025-01-01");
  await expect(page.getByRole("main")).toContainText("datés du 1er janvier 2025 ou d’après");
  await expectFrench(page, ["Changes since a date", "What happened", "Edits in the workspace", "Show changes"]);

  await page.goto(`/fr/w/demo/${AGREEMENT}/briefing?asOf=2025-10-31`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Note de synthèse\u00a0: /);
  await expect(page.getByRole("heading", { level: 2, name: "Points d’attention" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/\d+ jalons\u00a0: /);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Télécharger en Markdown" })).toBeVisible();
  const sources = page.getByRole("region", { name: "Sources" }).getByRole("listitem");
  await expect(sources.first()).toContainText("(article de presse).");
  await expectFrench(page, [
    "Needs attention",
    "The rest",
    "Latest status update",
    "Download as Markdown",
    "drafts and unpublished records included",
    "None stated",
  ]);
});

test("an editor watches a milestone in French and finds it on the French watchlist", async ({ page }) => {
  const path = `/fr/w/demo/${AGREEMENT}`;
  await signInInFrench(page, "EDITOR", path);
  const scheme = page.locator("#milestone-one-in-one-out-enact-scheme");
  const watch = scheme.getByRole("button", { name: /^Suivre / });
  if (await watch.isVisible()) await watch.click();
  await expect(scheme.getByRole("button", { name: /^Ne plus suivre / })).toBeVisible();

  await page.goto("/fr/w/demo/watchlist");
  const item = page.getByRole("listitem").filter({ hasText: "Jalon de l’engagement" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("suivi depuis le");
  await expect(page.getByRole("link", { name: "Note de synthèse sur votre liste de suivi" })).toBeVisible();
  await expectFrench(page, ["Milestone of", "watched since", "Briefing on your watchlist", "Unwatch"]);

  await item.getByRole("button", { name: /^Ne plus suivre / }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Jalon de l’engagement" })).toHaveCount(0);
});

test("an unknown invitation link explains itself in French", async ({ page }) => {
  const response = await page.goto(`/fr/invite/${"x".repeat(43)}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien d’invitation ne fonctionne pas");
  await expect(page.getByRole("main")).toContainText("Demandez-en un nouveau à un administrateur de l’organisation.");
});
