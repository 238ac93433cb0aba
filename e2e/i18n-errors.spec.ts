/**
 * The messages of validation and of the data layer on French pages (lib/domain/messages-fr.ts): a refused workspace
 * form, a refused `?asOf=`, the find page's refused parameters and the import check's errors read in French, the
 * reader's own values quoted as typed.
 * The English pages keep the English messages word for word (e2e/workspace.spec.ts, e2e/find.spec.ts, …).
 */
import { expect, test, type Locator } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const nbsp = "\u00a0";

/** The element holding a field's error (the `…-error` id of its aria-describedby). */
async function errorOf(field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const errorId = ids.find((id) => id.endsWith("-error"));
  expect(errorId, "the field names its error").toBeDefined();
  return field.page().locator(`[id="${errorId}"]`);
}

/** The exact text, no-break spaces included (toHaveText would take them for plain spaces). */
async function expectExactText(locator: Locator, text: string): Promise<void> {
  await expect(locator).toHaveText(text);
  expect(await locator.textContent()).toBe(text);
}

test("a French workspace form says why it refused each field in French", async ({ page }) => {
  await signInAs(page, "EDITOR", "/fr/w/demo/sources");
  const form = page.getByRole("form", { name: "Nouvelle source" });
  await form.getByLabel("Clé").fill("Not A Key");
  await form.getByLabel("Titre").fill("Une source refusée");
  await form.getByLabel("Média").fill("E2E");
  await form.getByLabel("Date de publication").fill("2025-13");
  await form.getByRole("button", { name: "Ajouter la source" }).click();
  await expect(form.getByRole("alert")).toHaveText("Veuillez corriger les champs signalés ci-dessous.");

  await expectExactText(
    await errorOf(form.getByLabel("Clé")),
    `attendu${nbsp}: une clé de 1 à 80 caractères a-z, 0-9 ou "-"${nbsp}; reçu${nbsp}: "Not A Key"`,
  );
  await expectExactText(
    await errorOf(form.getByLabel("Date de publication")),
    `attendu${nbsp}: une date AAAA-MM-JJ, AAAA-MM, AAAA-Qn ou AAAA${nbsp}; reçu${nbsp}: "2025-13"`,
  );
  await expect(form).not.toContainText("expected");
  await expect(form.getByLabel("Clé")).toHaveValue("Not A Key");
});

test("a French page says in French why it refused the day asked for", async ({ page }) => {
  await page.goto("/fr/demo/uk-france-small-boats-2025?asOf=not-a-date");
  const alert = page.getByRole("alert").filter({ hasText: "n’est pas une date" });
  await expectExactText(
    alert,
    `Le jour demandé n’est pas une date${nbsp}; utilisez le format AAAA-MM-JJ. La page affiche la date du jour à la place.`,
  );
});

test("a day after today or before 1900 is refused, in English and French", async ({ page }) => {
  const scorecard = "/demo/uk-france-small-boats-2025";
  const today = new Date().toISOString().slice(0, 10);
  const refusals = [
    [
      "2999-01-01",
      "The day asked for is after today; a page can only be shown as it stood on a past day.",
      `Le jour demandé est postérieur à aujourd’hui${nbsp}; une page ne peut être montrée que telle qu’elle était un jour passé.`,
    ],
    [
      "0001-01-01",
      "The day asked for is before 1900; no page is shown as of a day that early.",
      `Le jour demandé est antérieur à 1900${nbsp}; aucune page n’est montrée à une date aussi ancienne.`,
    ],
  ] as const;
  for (const [day, english, french] of refusals) {
    for (const [prefix, message, then] of [
      ["", english, "Showing today instead."],
      ["/fr", french, "La page affiche la date du jour à la place."],
    ] as const) {
      const address = `${prefix}${scorecard}?asOf=${day}`;
      expect((await page.goto(address))?.status(), address).toBe(200);
      await expectExactText(page.getByRole("alert").filter({ hasText: message.slice(0, 20) }), `${message} ${then}`);
      await expect(page.locator("[data-as-of]")).toHaveAttribute("data-as-of", today);
      // The reader's address stays as typed.
      expect(new URL(page.url()).search).toBe(`?asOf=${day}`);
    }
  }
});

test("the French find page says in French why it left a parameter out", async ({ page }) => {
  const response = await page.goto("/fr/demo/find?asOf=not-a-date&health=SLOW&party=France");
  expect(response?.status()).toBe(200);
  await expectExactText(
    page.locator("#find-asOf-error"),
    `"not-a-date" n’est pas une date${nbsp}; utilisez le format AAAA-MM-JJ.`,
  );
  await expectExactText(
    page.locator("#find-health-error"),
    `"SLOW" n’est pas un état${nbsp}; choisissez parmi En bonne voie, À risque, Au point mort, Réalisé, Partiel, Rompu.`,
  );
  await expectExactText(
    page.locator("#find-party-error"),
    `"France" n’est pas un code de partie${nbsp}; utilisez deux lettres, par exemple FR.`,
  );
});

test("the import check lists a French page's errors in French, with their paths", async ({ page }) => {
  await signInAs(page, "EDITOR", "/fr/w/demo/data");
  const broken = {
    format: "accordwatch/v1",
    sources: [{ id: "Not A Key", outlet: "E2E", title: "Refusée", published: "2025-11-20", kind: "DATA" }],
    agreements: [],
    colour: "blue",
  };
  await page.getByLabel("Document accordwatch/v1").setInputFiles({
    name: "refused.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(broken), "utf8"),
  });
  await page.getByRole("button", { name: "Vérifier seulement", exact: true }).click();
  const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows).toHaveCount(2);
  for (const [path, message] of [
    ["sources[0].id", `attendu${nbsp}: une clé de 1 à 80 caractères a-z, 0-9 ou "-"${nbsp}; reçu${nbsp}: "Not A Key"`],
    ["colour", 'champ inconnu "colour"'],
  ] as const) {
    const row = rows.filter({ has: page.getByRole("cell", { name: path, exact: true }) });
    await expectExactText(row.getByRole("cell").nth(1), message);
  }
});
