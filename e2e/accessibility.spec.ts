/**
 * axe in Chromium on every page, public and workspace, in English and in French, with the WCAG tags issue 4 names:
 * zero violations. Workspace pages are checked with every collapsible panel open, so that each form is checked too,
 * and once with a refused form's errors on screen.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];
const AGREEMENT = "uk-france-small-boats-2025";

/** Opens every <details>, then runs axe and expects no violation (listed by rule and element when there are). */
async function expectNoViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

const PUBLIC_PAGES = [
  "/",
  "/demo",
  `/demo/${AGREEMENT}`,
  `/demo/${AGREEMENT}?asOf=2025-10-31`,
  `/demo/${AGREEMENT}?asOf=not-a-date`,
  `/demo/${AGREEMENT}/changes`,
  `/demo/${AGREEMENT}/changes?asOf=2025-10-31`,
  "/demo/find",
  "/demo/find?q=backing",
  "/demo/find?q=doctrine&party=FR&health=STALLED&health=PARTIAL&tag=maritime&overdue=1&asOf=2025-12-01",
  "/demo/find?q=the&asOf=not-a-date&health=SLOW",
  "/demo?asOf=2025-10-31",
  `/demo/${AGREEMENT}/commitments/maritime-interception`,
  `/demo/${AGREEMENT}/commitments/maritime-interception?asOf=2025-10-31`,
  `/demo/${AGREEMENT}/commitments/one-in-one-out?asOf=2025-12-01`,
  `/demo/${AGREEMENT}/commitments/maritime-interception/milestones/adopt-doctrine`,
  `/demo/${AGREEMENT}/commitments/maritime-interception/milestones/deploy-tactics?asOf=2025-12-01`,
  "/demo/sources/times-2025-11",
  "/demo/sources/bbc-2025-10-23?asOf=2025-10-01",
  "/signin",
  "/invite/not-a-real-token",
  "/no-such-organisation",
  `/embed/demo/${AGREEMENT}`,
  `/embed/demo/${AGREEMENT}?asOf=2025-10-31`,
];

/** The same page in French: under /fr. */
const french = (path: string): string =>
  path === "/" ? "/fr" : path.startsWith("/?") ? `/fr${path.slice(1)}` : `/fr${path}`;

for (const path of PUBLIC_PAGES.flatMap((p) => [p, french(p)])) {
  test(`public page ${path} has no axe violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", path.startsWith("/fr") ? "fr-FR" : "en-GB");
    await expectNoViolations(page);
  });
}

const WORKSPACE_PAGES: ReadonlyArray<{ path: string; role: "ADMIN" | "EDITOR" | "REVIEWER" }> = [
  { path: "/w", role: "EDITOR" },
  { path: "/w/demo", role: "EDITOR" },
  { path: `/w/demo/${AGREEMENT}`, role: "EDITOR" },
  { path: `/w/demo/${AGREEMENT}`, role: "REVIEWER" },
  { path: "/w/demo/sources", role: "EDITOR" },
  { path: "/w/demo/data", role: "EDITOR" },
  { path: "/w/demo/members", role: "ADMIN" },
  { path: "/w/demo/history", role: "REVIEWER" },
  { path: "/w/demo/changes?since=2025-01-01", role: "REVIEWER" },
  { path: "/w/demo/watchlist", role: "REVIEWER" },
  { path: "/w/demo/notifications", role: "REVIEWER" },
  { path: "/w/demo/webhooks", role: "ADMIN" },
  { path: `/w/demo/${AGREEMENT}/briefing?asOf=2025-10-31`, role: "REVIEWER" },
  { path: "/w/demo/watchlist/briefing?asOf=2025-12-01", role: "REVIEWER" },
  { path: "/account", role: "REVIEWER" },
];

for (const { path, role } of WORKSPACE_PAGES.flatMap((p) => [p, { ...p, path: french(p.path) }])) {
  test(`workspace page ${path} as ${role.toLowerCase()} has no axe violations`, async ({ page }) => {
    // An editor's agreement page holds every form of every record (2,259 elements): axe takes 13 s over it here.
    test.setTimeout(120_000);
    await signInAs(page, role, path);
    await expectNoViolations(page);
  });
}

test("a refused form's errors have no axe violations", async ({ page }) => {
  await signInAs(page, "EDITOR", "/w/demo/sources");
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Key").fill("Not A Key");
  await form.getByLabel("Title").fill("A title");
  await form.getByLabel("Outlet").fill("An outlet");
  await form.getByLabel("Address (URL)").fill("ftp://example.org/file");
  await form.getByLabel("Published").fill("2025-13");
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expectNoViolations(page);
});
