/**
 * The workspace in French (/fr/w/…): the organisation's page, the agreement editor and its forms, the sources page;
 * an edit saved through a French form answers in French, and so does the action builder when it refuses one.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const organisationPage = "/fr/w/demo";
const agreementPage = "/fr/w/demo/uk-france-small-boats-2025";
const nbsp = "\u00a0";

/** The main region's text, closed panels included (textContent, not innerText). */
async function mainText(page: Page): Promise<string> {
  return page.locator("main").evaluate((main) => main.textContent ?? "");
}

async function expectNoEnglish(page: Page, phrases: readonly string[]): Promise<void> {
  const text = await mainText(page);
  for (const phrase of phrases) expect(text, `"${phrase}" is still English`).not.toContain(phrase);
}

/** Opens the <details> panel whose summary reads `summary` (if closed) and gives the form it holds. */
async function openForm(scope: Locator, summary: string, form: RegExp): Promise<Locator> {
  const panel = scope
    .locator("details")
    .filter({ has: scope.page().getByText(summary, { exact: true }) })
    .first();
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").first().click();
  const found = panel.getByRole("form", { name: form });
  await expect(found).toBeVisible();
  return found;
}

test("the organisation's workspace page is in French", async ({ page }) => {
  await signInAs(page, "EDITOR", organisationPage);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expect(page).toHaveTitle(/^Accords — espace de travail Accordwatch/);
  await expect(page.getByRole("heading", { level: 2, name: "Accords, brouillons compris" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Organisation" });
  await expect(nav.getByRole("link", { name: "Importation et exportation" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Liste de suivi" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Royaume-Uni (GB) et France (FR) · annoncé en juillet 2025");

  const form = await openForm(page.locator("main"), "Créer un accord", /^Nouvel accord$/);
  await expect(form.getByLabel("Adresse (slug)")).toBeVisible();
  await expect(form.getByLabel("Première partie")).toHaveValue("GB");
  await expect(form.getByLabel("Date d’annonce")).toHaveAccessibleDescription(/^Un jour, un mois, un trimestre/);
  await expect(form.getByRole("button", { name: "Créer l’accord" })).toBeVisible();

  await expectNoEnglish(page, [
    "Agreements, drafts included",
    "Create an agreement",
    "Import and export",
    "Changes since",
    "· announced",
    "First party",
  ]);
});

test("the agreement editor is in French, and a commitment saved through it answers in French", async ({ page }) => {
  await signInAs(page, "EDITOR", agreementPage);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toContainText("Espace de travail");
  await expect(page.getByRole("main")).toContainText("État à la date d’aujourd’hui");
  await expect(page.getByRole("link", { name: "Historique de l’accord" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retirer la publication" })).toBeVisible();

  const deployment = page.locator("#milestone-maritime-interception-deploy-tactics");
  await expect(deployment).toContainText(`Statut${nbsp}: Pas commencé · Échéance${nbsp}: novembre 2025`);
  const update = await openForm(deployment, "Enregistrer un point d’étape", /^Point d’étape de /);
  await expect(update.getByLabel("Statut")).toHaveValue("NOT_STARTED");
  await expect(update.getByRole("option", { name: "En cours" })).toBeAttached();
  await expect(update.getByLabel("Justification")).toBeVisible();
  await expect(update.getByRole("group", { name: /^Sources \(au moins une/ })).toBeVisible();

  const returns = page.locator("#commitment-one-in-one-out");
  await expect(returns).toContainText(`Partie engagée${nbsp}: Les deux (conjoint) · Responsable${nbsp}: Home Office`);
  const commitment = await openForm(returns, "Modifier l’engagement", /^Modifier l’engagement /);
  await expect(commitment.getByLabel("Partie engagée")).toHaveValue("joint");
  await expect(commitment.getByLabel("Responsable", { exact: true })).toHaveValue("Home Office");
  await expect(commitment.getByLabel("Mots-clés")).toHaveAccessibleDescription("Séparés par des virgules.");
  // Saved as it is: the demo other tests read stays the same.
  await commitment.getByRole("button", { name: "Enregistrer l’engagement" }).click();
  await expect(commitment.getByText("Engagement enregistré.")).toBeVisible();

  await expectNoEnglish(page, [
    "Health as of today",
    "Agreement history",
    "Edit the agreement",
    "Edit the commitment",
    "Record a status update",
    "Record a deadline change",
    "Status updates and deadline changes",
    "Edit or move the milestone",
    "Link a source",
    "Indicators of",
    "Add a commitment",
    "Save commitment",
    "Rationale",
    "Commitment saved.",
  ]);
});

test("the sources page is in French, and a refused source says so in French", async ({ page }) => {
  await signInAs(page, "EDITOR", "/fr/w/demo/sources");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sources");
  await expect(page.locator("#source-bbc-2025-10-23")).toContainText("Article de presse · publiée le 23 octobre 2025");

  const form = page.getByRole("form", { name: "Nouvelle source" });
  await form.getByLabel("Clé").fill(`e2e-fr-${Date.now().toString(36)}`);
  await form.getByLabel("Titre").fill("Une source refusée");
  await form.getByLabel("Média").fill("E2E");
  await form.getByLabel("Adresse (URL)").fill("javascript:alert(1)");
  await form.getByLabel("Date de publication").fill("2025-11-20");
  await form.getByRole("button", { name: "Ajouter la source" }).click();
  await expect(form.getByRole("alert")).toHaveText(`Veuillez corriger les champs signalés ci-dessous.`);
  await expect(form.getByLabel("Titre")).toHaveValue("Une source refusée");

  await expectNoEnglish(page, [
    "Add a source",
    "Edit this source",
    "· published",
    "Address not known",
    "Please correct",
  ]);
});
