/**
 * The French home, organisation page and scorecard (`/fr/…`): French headings, dates, numbers and health labels, the
 * French document, no English interface text left, and the language switch back to the same English page.
 */
import { expect, test, type Page } from "@playwright/test";

const SCORECARD = "/demo/uk-france-small-boats-2025";
const NBSP = "\u00a0";

/** Interface phrases of these pages that English alone has: none may be left on a French page. */
const ENGLISH = [
  "Are governments doing what they agreed",
  "Published scorecards",
  "Nothing is published yet",
  "Find milestones by text",
  "Follow every change",
  "Follow the changes",
  "What changed, day by day",
  "Show the scorecard",
  "You are reading this page",
  "See today",
  "Cite this page",
  "Permalink",
  "Compliance by party",
  "Commitments by health",
  "Stalled milestones",
  "No milestone is stalled",
  "Mean score",
  "on a scale from",
  "each counts +1",
  "Compliance score",
  "No deadline",
  "no status update yet",
  "what cites this source",
  "No source linked",
  "free to reuse",
  "Health document",
  "API description",
  "A milestone is stalled",
];

/**
 * Single English words that are also likely in entered text (other tests edit the demo: an owner "Owner saved …"):
 * checked only where the interface alone writes, the terms of description lists.
 */
const ENGLISH_TERMS = ["Announced", "Progress", "Responsible", "Owner", "Deadline", "Status", "Tags"];

async function expectFrench(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  const text = (await page.locator("main").textContent()) ?? "";
  for (const phrase of ENGLISH) expect(text, `"${phrase}" on ${page.url()}`).not.toContain(phrase);
  const terms = (await page.locator("main dt").allTextContents()).map((t) => t.trim());
  expect(
    terms.filter((t) => ENGLISH_TERMS.includes(t)),
    `English terms on ${page.url()}`,
  ).toEqual([]);
}

test("the French home page", async ({ page }) => {
  await page.goto("/fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Les gouvernements font-ils ce dont ils sont convenus${NBSP}?`,
  );
  await expect(page.getByRole("heading", { level: 2, name: "Tableaux de bord publiés" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Accordwatch demo" })).toHaveAttribute("href", "/fr/demo");
  await expect(page.locator("main dd").filter({ hasText: "Royaume-Uni (GB) et France (FR)" }).first()).toBeVisible();
  await expectFrench(page);
});

test("the French organisation page as of 31 October 2025", async ({ page }) => {
  await page.goto("/fr/demo?asOf=2025-10-31");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accordwatch demo");
  await expect(
    page.getByText(/^Tableaux de bord publiés\u00a0: \d+ accords? annoncés? au plus tard le 31 octobre 2025\.$/),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: /^Rechercher des jalons/ })).toHaveAttribute(
    "href",
    "/fr/demo/find?asOf=2025-10-31",
  );
  await expect(page.getByRole("link", { name: "UK–France measures against small-boat crossings" })).toHaveAttribute(
    "href",
    `/fr${SCORECARD}?asOf=2025-10-31`,
  );
  await expectFrench(page);
});

test("the French scorecard as of 31 October 2025, and the way back to English", async ({ page }) => {
  await page.goto(`/fr${SCORECARD}?asOf=2025-10-31`);
  for (const name of [
    "Respect des engagements par partie",
    "Engagements par état",
    "Jalons au point mort",
    "Méthode",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toBeVisible();

  // The day shown, in French, in the panel, the banner and the permalink (a French address).
  await expect(page.locator("[data-as-of]")).toHaveText("À la date du 31 octobre 2025");
  await expect(page.getByRole("status")).toContainText("telle qu’elle était le 31 octobre 2025");
  await expect(page.getByRole("form", { name: "Changer la date" })).toHaveAttribute("action", `/fr${SCORECARD}`);
  await expect(page.getByLabel(/^Citer cette page/)).toHaveValue(new RegExp(`/fr${SCORECARD}\\?asOf=2025-10-31$`));
  await expect(page.getByRole("button", { name: "Copier" })).toBeVisible();

  // Compliance the French way: "50 %" (a no-break space before the sign), "+1,00".
  const france = page.locator('[data-party="FR"]');
  await expect(france.getByRole("heading")).toHaveText("France (FR)");
  await expect(france.locator("dd").first()).toHaveText(/^\d+\u00a0%$/);
  await expect(france.locator("dd").nth(1)).toContainText(/^[+−]?\d,\d\d/);
  await expect(france).toContainText(/Sur \d+ engagements?\u00a0: chacun compte/);

  // Health labels in French, the data hooks unchanged.
  await expect(page.locator('[data-health-count="ON_TRACK"]')).toContainText("En bonne voie");
  const doctrine = page.locator("#milestone-adopt-doctrine");
  await expect(doctrine.locator('[data-health="STALLED"]').first()).toHaveText("Au point mort");
  await expect(doctrine).toContainText("Statut");
  await expect(doctrine).toContainText("depuis le 23 octobre 2025");
  await expect(doctrine.locator('[data-stance="INDICATES_DELAY"]')).toContainText("Signale un retard");
  await expect(page.getByText(`À la date du 31 octobre 2025, librement réutilisables${NBSP}:`)).toBeVisible();
  await expectFrench(page);

  const toEnglish = page.getByTestId("language-switch");
  await expect(toEnglish).toHaveAttribute("href", `${SCORECARD}?asOf=2025-10-31`);
  await toEnglish.click();
  await expect(page).toHaveURL(new RegExp(`${SCORECARD}\\?asOf=2025-10-31$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 2, name: "Compliance by party" })).toBeVisible();
  await expect(page.locator("[data-as-of]")).toHaveText("As of 31 October 2025");
});
