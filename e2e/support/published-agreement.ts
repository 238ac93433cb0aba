import { expect, type Page } from "@playwright/test";
import { signInAs } from "./demo-accounts";

/**
 * Signs in as the demo editor and creates, then publishes, an agreement of the demo organisation through the
 * workspace's "Create an agreement" form (GB and FR, announced 10 July 2025); the page is left on its workspace page.
 */
export async function createPublishedAgreement(
  page: Page,
  agreement: { slug: string; title: string; summary: string },
): Promise<void> {
  await signInAs(page, "EDITOR", "/w/demo");
  const details = page.locator("details").filter({ has: page.getByText("Create an agreement", { exact: true }) });
  await details.locator("summary").first().click();
  const form = page.getByRole("form", { name: "New agreement" });
  await form.getByLabel("Address (slug)").fill(agreement.slug);
  await form.getByLabel("Title").fill(agreement.title);
  await form.getByLabel("Summary").fill(agreement.summary);
  await form.getByLabel("First party").selectOption("GB");
  await form.getByLabel("Second party").selectOption("FR");
  await form.getByLabel("Announced").fill("2025-07-10");
  await form.getByRole("button", { name: "Create agreement" }).click();
  await expect(page).toHaveURL(`/w/demo/${agreement.slug}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the agreement is on the public scorecard.")).toBeVisible();
}
