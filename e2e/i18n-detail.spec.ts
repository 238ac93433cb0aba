/**
 * The detail pages in French: a commitment (with its timeline and indicator charts), a milestone, a source, an
 * agreement's changes and the find page with a query. Each is a French document (`lang="fr-FR"`) with French
 * headings and French dates, and none of the English interface phrases these pages used to show remains.
 */
import { expect, test, type Page } from "@playwright/test";

const AGREEMENT = "/fr/demo/uk-france-small-boats-2025";
const NBSP = "\u00a0";

/** Phrases that are interface text only (no demo record contains them). */
async function expectNoEnglish(page: Page, phrases: readonly string[]): Promise<void> {
  const text = await page.locator("main").innerText();
  for (const phrase of phrases) expect(text, `"${phrase}" is left in English`).not.toContain(phrase);
}

async function expectFrenchDocument(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
}

test("a commitment in French: headings, charts, their tables and dates", async ({ page }) => {
  await page.goto(`${AGREEMENT}/commitments/one-in-one-out?asOf=2025-12-01`);
  await expectFrenchDocument(page);
  await expect(page.getByRole("heading", { level: 2, name: "Jalons" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Chronologie" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Indicateurs" })).toBeVisible();
  await expect(page.getByText("Partie responsable", { exact: true })).toBeVisible();
  // The chart's month labels, and its point linking to the French source page.
  await expect(page.locator('svg[data-chart="timeline"]')).toContainText("sept. 2025");
  await expect(page.locator('svg[data-chart="indicator"] a[data-point-source="times-2025-11"]')).toHaveAttribute(
    "href",
    "/fr/demo/sources/times-2025-11?asOf=2025-12-01",
  );
  const timeline = page.locator("table").first();
  await expect(timeline.locator("th")).toHaveText(["Date", "Jalon", "Événement", "Détail"]);
  await expect(timeline).toContainText("1er septembre 2025");
  await expect(timeline).toContainText(`Statut${NBSP}: Achevé`);
  await expect(page.locator('[data-observation="2025-11-01"]')).toContainText("novembre 2025");
  await expectNoEnglish(page, [
    "Milestones",
    "Timeline",
    "Compliance score",
    "Back to the scorecard",
    "no deadline",
    "Deadline first set",
    "Source and quote",
    "Figure for",
  ]);
  await expect(page.locator('svg[data-chart="timeline"]')).toContainText("date affichée");
  await expect(page.locator('svg[data-chart="timeline"]')).not.toContainText("as of");
});

test("a milestone in French: its record, health history and dates", async ({ page }) => {
  await page.goto(`${AGREEMENT}/commitments/maritime-interception/milestones/adopt-doctrine?asOf=2025-12-01`);
  await expectFrenchDocument(page);
  await expect(page.getByRole("heading", { level: 2, name: "Historique de l’état" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Points d’étape" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Changements d’échéance" })).toBeVisible();
  await expect(page.locator('[data-history-date="2025-10-23"]')).toContainText(`À partir du 23 octobre 2025${NBSP}:`);
  await expect(page.locator("main")).toContainText("Partiel depuis novembre 2025");
  // French punctuation: a no-break space before the colon (toContainText would take it for any space).
  expect(await page.locator("main").textContent()).toContain(`juillet 2025${NBSP}: En cours`);
  await expectNoEnglish(page, [
    "Health history",
    "Status updates",
    "Deadline changes",
    "No deadline",
    "The deadline has not changed by this date.",
    "From 23 October 2025",
  ]);
});

test("a source in French: what cites it, by kind, with French dates", async ({ page }) => {
  await page.goto("/fr/demo/sources/times-2025-11?asOf=2025-12-01");
  await expectFrenchDocument(page);
  await expect(page.getByRole("heading", { level: 2, name: "Ce qui la cite" })).toBeVisible();
  // Counted: other tests may publish agreements that cite the same source.
  await expect(page.getByRole("heading", { level: 3, name: /^Points d’étape \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^Relevés d’indicateurs \(\d+\)$/ })).toBeVisible();
  await expect(page.locator("header dl")).toContainText("Article de presse");
  await expect(page.locator('[data-citation="OBSERVATION"]')).toContainText(
    `153 people, période concernée${NBSP}: novembre 2025`,
  );
  await expect(page.locator('[data-citation="DEADLINE_CHANGE"]')).toContainText("échéance fixée en novembre 2025");
  await expectNoEnglish(page, [
    "What cites it",
    "Published",
    "Indicator observations",
    "deadline set to",
    "figure for",
  ]);

  await page.goto("/fr/demo/sources/times-2025-11?asOf=2025-10-01");
  await expect(page.locator("[data-no-citations]")).toHaveText(
    `Rien ne citait cette source au 1er octobre 2025${NBSP}: elle a été publiée en novembre 2025.`,
  );
});

test("an agreement's changes in French: days, kinds and details", async ({ page }) => {
  await page.goto(`${AGREEMENT}/changes?asOf=2025-12-01`);
  await expectFrenchDocument(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${NBSP}: ce qui a changé`);
  const day = page.locator('section[data-day="2025-11-01"]');
  await expect(day.getByRole("heading", { level: 2 })).toHaveText("1er novembre 2025");
  await expect(day.locator('[data-kind="STATUS_UPDATE"]').first()).toContainText(
    `Statut${NBSP}: En cours → Partiel · date${NBSP}: novembre 2025`,
  );
  await expect(day.locator('[data-kind="DEADLINE_CHANGE"]').first()).toContainText(
    `Échéance${NBSP}: aucune → novembre 2025`,
  );
  await expect(page.getByRole("link", { name: "Suivre ces évolutions (flux Atom)" })).toBeVisible();
  await expectNoEnglish(page, ["what changed", "Back to the scorecard", "Atom feed", "Status update", "Deadline:"]);

  await page.goto(`${AGREEMENT}/changes?asOf=2025-01-01`);
  await expect(page.locator("[data-empty-changelog]")).toHaveText(
    `Rien n’a changé au 1er janvier 2025. L’accord a été annoncé en juillet 2025${NBSP}; ses évolutions sont recensées ici à partir de cette date.`,
  );
});

test("the find page in French, with a query", async ({ page }) => {
  await page.goto("/fr/demo/find?asOf=2025-12-01");
  await expectFrenchDocument(page);
  await page.getByLabel("Rechercher dans les titres, les justifications et les citations").fill("backing");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/demo\/find\?q=backing(&|$)/);
  await expect(page).toHaveURL(/[?&]asOf=2025-12-01(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rechercher des jalons");
  await expect(page.locator("#find-results")).toHaveText("Jalons au 1er décembre 2025");
  await expect(page.getByRole("status")).toHaveText("1 jalon correspond à cette recherche.");
  const result = page.locator('li[data-milestone="deploy-tactics"]');
  await expect(result).toContainText(`Citation d’un élément de preuve (BBC)${NBSP}:`);
  await expect(result.getByRole("link", { name: "Interception tactics deployed at sea" })).toHaveAttribute(
    "href",
    "/fr/demo/uk-france-small-boats-2025?asOf=2025-12-01#milestone-deploy-tactics",
  );
  await expect(page.getByRole("option", { name: "Royaume-Uni (GB)" })).toBeAttached();
  await expect(page.getByRole("checkbox", { name: "Au point mort" })).toBeVisible();
  await expectNoEnglish(page, [
    "Find milestones",
    "Any party",
    "Overdue only",
    "Clear the search",
    "matches this search",
  ]);

  await page.goto("/fr/demo/find?q=the");
  await expect(page.locator("#find-q-error")).toHaveText(
    `Rien à rechercher dans «${NBSP}the${NBSP}»${NBSP}: saisissez au moins un mot (les mots courants, comme «${NBSP}the${NBSP}», ne sont pas recherchés).`,
  );
  await expect(page.getByRole("status")).toHaveText(/^\d+ jalons dans les tableaux de bord publiés\.$/);
});
