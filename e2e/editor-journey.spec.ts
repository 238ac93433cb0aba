/**
 * Issue 3's editor journeys: an editor builds a tracker from nothing in the workspace and publishes it; two editors
 * save the same milestone and the second is refused, with nothing overwritten.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount, signInAs } from "./support/demo-accounts";

/** Opens the <details> panel whose summary reads `summary` (if closed) and gives the form it holds. */
async function openForm(scope: Locator | Page, summary: string | RegExp, form: string | RegExp): Promise<Locator> {
  // The inner locator of `has` is relative to each <details>: it is built from the page, not the scope.
  const page = "page" in scope ? scope.page() : scope;
  const panel = scope
    .locator("details")
    .filter({ has: page.getByText(summary, { exact: true }) })
    .first();
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").first().click();
  const found = panel.getByRole("form", { name: form });
  await expect(found).toBeVisible();
  return found;
}

test("an editor creates an agreement with two commitments, records its progress, publishes, and the public scorecard shows its health", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const slug = `e2e-journey-${suffix}`;
  const sourceKey = `e2e-gazette-${suffix}`;
  const title = `E2E journey agreement ${suffix}`;

  // A source to cite, added on the organisation's sources page.
  await signInAs(page, "EDITOR", "/w/demo/sources");
  const newSource = page.getByRole("form", { name: "New source" });
  await newSource.getByLabel("Key").fill(sourceKey);
  await newSource.getByLabel("Title").fill("Patrol boats put to sea");
  await newSource.getByLabel("Outlet").fill("E2E Gazette");
  await newSource.getByLabel("Address (URL)").fill("javascript:alert(1)");
  await newSource.getByLabel("Published").fill("2025-11-20");
  await newSource.getByRole("button", { name: "Add source" }).click();
  // A URL that is not http(s) is refused beside the field, and what was typed stays.
  await expect(newSource.getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expect(newSource.getByLabel("Address (URL)")).toHaveAccessibleDescription(/http/);
  await expect(newSource.getByLabel("Title")).toHaveValue("Patrol boats put to sea");
  await newSource.getByLabel("Address (URL)").fill("https://example.org/e2e-gazette/patrols");
  await newSource.getByRole("button", { name: "Add source" }).click();
  await expect(page.locator(`#source-${sourceKey}`)).toContainText("E2E Gazette: Patrol boats put to sea");

  // The agreement, from the organisation's page.
  await page.goto("/w/demo");
  const newAgreement = await openForm(page, "Create an agreement", "New agreement");
  await newAgreement.getByLabel("Address (slug)").fill(slug);
  await newAgreement.getByLabel("Title").fill(title);
  await newAgreement.getByLabel("Summary").fill("Built by the e2e journey.");
  await newAgreement.getByLabel("First party").selectOption("GB");
  await newAgreement.getByLabel("Second party").selectOption("FR");
  await newAgreement.getByLabel("Announced").fill("2025-07-10");
  await newAgreement.getByRole("button", { name: "Create agreement" }).click();
  await expect(page).toHaveURL(`/w/demo/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  // Two commitments, each with a milestone.
  const commitments = [
    { key: "patrols", title: "Joint patrols", responsible: "FR", milestone: "deploy", deadline: "2025-12" },
    { key: "returns", title: "Returns agreement", responsible: "GB", milestone: "first-returns", deadline: "2026-Q2" },
  ];
  for (const commitment of commitments) {
    const form = await openForm(page, "Add a commitment", "New commitment");
    await form.getByLabel("Key").fill(commitment.key);
    await form.getByLabel("Title").fill(commitment.title);
    await form.getByLabel("Responsible").selectOption(commitment.responsible);
    await form.getByLabel("Owner").fill("Interior ministries");
    await form.getByLabel("Tags").fill("e2e, small boats");
    await form.getByRole("button", { name: "Add commitment" }).click();
    const section = page.locator(`#commitment-${commitment.key}`);
    await expect(section.getByRole("heading", { level: 2 })).toContainText(commitment.title);

    const milestoneForm = await openForm(
      section,
      `Add a milestone to ${commitment.title}`,
      `New milestone of ${commitment.title}`,
    );
    await milestoneForm.getByLabel("Key").fill(commitment.milestone);
    await milestoneForm.getByLabel("Title").fill(`${commitment.title}: first step`);
    await milestoneForm.getByLabel("Owner").fill("Home Office");
    await milestoneForm.getByLabel("Deadline").fill(commitment.deadline);
    await milestoneForm.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.locator(`#milestone-${commitment.key}-${commitment.milestone}`)).toBeVisible();
  }

  // Status updates with sources, and evidence.
  const deploy = page.locator("#milestone-patrols-deploy");
  const complete = await openForm(deploy, "Record a status update", /^Status update of/);
  await complete.getByLabel("Status").selectOption("COMPLETE");
  await complete.getByLabel("Date").fill("2025-11-20");
  await complete.getByLabel("Rationale").fill("The patrol boats put to sea, as the Gazette reports.");
  await complete.getByLabel(/E2E Gazette/).check();
  await complete.getByRole("button", { name: "Record status update" }).click();
  await expect(complete.getByText("Status update recorded.")).toBeVisible();
  await expect(deploy.locator("[data-health]").first()).toHaveAttribute("data-health", "DONE");

  const evidence = await openForm(deploy, /^Evidence \(/, /^New evidence for/);
  await evidence.getByLabel("Source").selectOption(sourceKey);
  await evidence.getByLabel("Stance").selectOption("SUPPORTS");
  await evidence.getByLabel("Quote").fill("The first patrol boats put to sea on Thursday.");
  await evidence.getByRole("button", { name: "Link evidence" }).click();
  await expect(deploy.getByText("The first patrol boats put to sea on Thursday.").first()).toBeVisible();

  const returns = page.locator("#milestone-returns-first-returns");
  const started = await openForm(returns, "Record a status update", /^Status update of/);
  await started.getByLabel("Status").selectOption("IN_PROGRESS");
  await started.getByLabel("Date").fill("2025-11-20");
  await started.getByLabel("Rationale").fill("Talks on returns began.");
  // No source: refused beside the sources, nothing recorded.
  await started.getByRole("button", { name: "Record status update" }).click();
  await expect(started.getByRole("group", { name: /^Sources/ })).toHaveAccessibleDescription(/at least one source/);
  await expect(returns.getByText("No status update or deadline change yet.")).toBeVisible();
  await started.getByLabel(/E2E Gazette/).check();
  await started.getByRole("button", { name: "Record status update" }).click();
  await expect(started.getByText("Status update recorded.")).toBeVisible();
  const returnsHealth = await returns.locator("[data-health]").first().getAttribute("data-health");
  expect(returnsHealth).not.toBeNull();

  // Publish, and read it as the public does.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the agreement is on the public scorecard.")).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/demo/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("#milestone-deploy [data-health]").first()).toHaveAttribute("data-health", "DONE");
  await expect(page.locator("#milestone-first-returns [data-health]").first()).toHaveAttribute(
    "data-health",
    returnsHealth ?? "",
  );
  await expect(page.getByText("The first patrol boats put to sea on Thursday.").first()).toBeVisible();
});

test("two editors save the same milestone: the second is refused with who changed it, and one change is audited", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const agreementPage = "/w/demo/uk-france-small-boats-2025";
  const milestoneId = "#milestone-one-in-one-out-enact-scheme";
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [editorPage, adminPage] = await Promise.all([first.newPage(), second.newPage()]);
    await signInAs(editorPage, "EDITOR", agreementPage);
    await signInAs(adminPage, "ADMIN", agreementPage);
    const heading = await editorPage.locator(milestoneId).getByRole("heading", { level: 3 }).innerText();
    const title = heading.split("\n")[0]?.trim() ?? "";

    // Both load the form at the same version.
    const editorForm = await openForm(editorPage.locator(milestoneId), "Edit or move the milestone", /^Edit milestone/);
    const adminForm = await openForm(adminPage.locator(milestoneId), "Edit or move the milestone", /^Edit milestone/);
    const suffix = Date.now().toString(36);
    await editorForm.getByLabel("Owner").fill(`Owner saved first ${suffix}`);
    await adminForm.getByLabel("Owner").fill(`Owner saved second ${suffix}`);

    await editorForm.getByRole("button", { name: "Save milestone" }).click();
    await expect(editorForm.getByText("Milestone saved.")).toBeVisible();

    await adminForm.getByRole("button", { name: "Save milestone" }).click();
    const refusal = adminForm.getByRole("alert");
    await expect(refusal).toContainText(`Changed by ${demoAccount("EDITOR").email} at`);
    // The current values are shown, and what the second editor typed is kept.
    await expect(adminForm.getByRole("region", { name: "Current values" })).toContainText(
      `Owner saved first ${suffix}`,
    );
    await expect(adminForm.getByLabel("Owner")).toHaveValue(`Owner saved second ${suffix}`);

    // Nothing was overwritten, and the milestone's history holds exactly one change.
    await adminPage.reload();
    await expect(adminPage.locator(milestoneId)).toContainText(`Owner: Owner saved first ${suffix}`);
    await adminPage
      .locator(milestoneId)
      .getByRole("link", { name: `History of ${title}` })
      .click();
    await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
    const updates = adminPage.getByRole("main").getByRole("listitem").filter({ hasText: "milestone.update" });
    await expect(updates).toHaveCount(1);
    await expect(updates).toContainText(`Owner saved first ${suffix}`);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
