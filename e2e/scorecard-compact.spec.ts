/**
 * The compact scorecard of a large agreement (lib/domain/scorecard.ts, COMPACT_SCORECARD_MILESTONES): above 200
 * milestones the scorecard lists the commitments with how many of their milestones are in each health, names the
 * first stalled milestones and counts the rest, and every link to a milestone (the stalled list, the find page, the
 * changes page) goes to the milestone's own page, since the scorecard has no place for it.
 *
 * The agreement is imported, published, into the demo organisation by an editor; its titles use words no other spec
 * searches for ("Quillfeather"), so that the find page and the demo scorecard other specs read stay as they were.
 */
import { expect, test, type Page } from "@playwright/test";
import { COMPACT_SCORECARD_MILESTONES, COMPACT_SCORECARD_STALLED } from "../lib/domain/scorecard";
import { signInAs } from "./support/demo-accounts";

const COMMITMENTS = 25;
const MILESTONES_EACH = 10;
// Of each commitment's milestones, the first five are past their deadline on AS_OF (spec/health.md: overdue is
// stalled) and the others are due after it.
const OVERDUE_EACH = 5;
const AS_OF = "2026-01-15";

const slug = `e2e-compact-${Date.now()}`;
const scorecard = `/demo/${slug}`;

function largeAgreement() {
  return {
    format: "accordwatch/v1",
    sources: [],
    agreements: [
      {
        slug,
        title: `Quillfeather compact agreement ${slug}`,
        summary: "A large agreement, to show its scorecard compact.",
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: true,
        settings: { staleAfterDays: 45, warnBeforeDays: 14 },
        commitments: Array.from({ length: COMMITMENTS }, (_, c) => ({
          id: `quill-c${c}`,
          title: `Quillfeather commitment ${c}`,
          description: "",
          responsible: c % 2 === 0 ? "GB" : "FR",
          owner: "Quillfeather office",
          tags: [],
          weight: 1,
          indicators: [],
          milestones: Array.from({ length: MILESTONES_EACH }, (_, m) => ({
            id: `quill-c${c}-m${m}`,
            title: `Quillfeather milestone ${c}.${m}`,
            owner: "Quillfeather office",
            deadline: m < OVERDUE_EACH ? "2025-10-31" : "2026-12-31",
            deadlineChanges: [],
            statusUpdates: [],
            evidence: [],
          })),
        })),
      },
    ],
  };
}

async function importLargeAgreement(page: Page): Promise<void> {
  await signInAs(page, "EDITOR", "/w/demo/data");
  await page.getByLabel("accordwatch/v1 document").setInputFiles({
    name: `${slug}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(largeAgreement()), "utf8"),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/^Imported 1 agreement/)).toBeVisible();
  await page.context().clearCookies();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  expect(COMMITMENTS * MILESTONES_EACH).toBeGreaterThan(COMPACT_SCORECARD_MILESTONES);
  const page = await browser.newPage();
  await importLargeAgreement(page);
  await page.close();
});

test("a scorecard of more than 200 milestones lists commitments in a table, their milestones counted by health", async ({
  page,
}) => {
  await page.goto(`${scorecard}?asOf=${AS_OF}`);
  await expect(page.locator("[data-compact-scorecard]")).toContainText(
    `This agreement has ${COMMITMENTS * MILESTONES_EACH} milestones`,
  );
  // One row per commitment, under the column headings; no milestone is drawn, none of their evidence or flags.
  await expect(page.locator('tr[id^="commitment-"]')).toHaveCount(COMMITMENTS);
  await expect(page.getByRole("columnheader", { name: "Milestones" }).first()).toBeVisible();
  await expect(page.locator('article[id^="milestone-"], li[data-milestone]')).toHaveCount(0);

  // Each commitment counts its ten milestones, five of them stalled (overdue); the row says who answers for it.
  const first = page.locator("#commitment-quill-c0");
  await expect(first.getByRole("rowheader")).toHaveText("Quillfeather commitment 0");
  await expect(first).toContainText(`${MILESTONES_EACH} milestones: `);
  await expect(first.locator("[data-responsible]")).toHaveText("United Kingdom (GB)");
  const counts: Record<string, number> = Object.fromEntries(
    ((await first.locator("[data-milestone-counts]").getAttribute("data-milestone-counts")) ?? "")
      .split(",")
      .map((entry) => entry.split(" "))
      .map(([h, n]) => [h, Number(n)]),
  );
  expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(MILESTONES_EACH);
  expect(counts).toMatchObject({ STALLED: OVERDUE_EACH });
  await expect(first.locator("[data-milestone-counts]")).toContainText(`Stalled ${OVERDUE_EACH}`);

  // Its title leads to the commitment's page, which shows each of its milestones in full.
  await first.getByRole("link", { name: "Quillfeather commitment 0" }).click();
  await expect(page).toHaveURL(new RegExp(`${scorecard}/commitments/quill-c0\\?asOf=${AS_OF}$`));
  await expect(page.locator("li[data-milestone]")).toHaveCount(MILESTONES_EACH);
});

test("the compact scorecard names the first 20 stalled milestones, links them to their pages and counts the rest", async ({
  page,
}) => {
  await page.goto(`${scorecard}?asOf=${AS_OF}`);
  const stalled = page.getByRole("region", { name: "Stalled milestones" });
  const named = stalled.getByRole("listitem").filter({ has: page.getByRole("link") });
  await expect(named).toHaveCount(COMPACT_SCORECARD_STALLED);
  const more = COMMITMENTS * OVERDUE_EACH - COMPACT_SCORECARD_STALLED;
  await expect(stalled.locator("[data-stalled-more]")).toHaveText(
    `${more} more stalled milestones are counted in the commitments below.`,
  );
  const link = named.first().getByRole("link");
  await expect(link).toHaveText("Quillfeather milestone 0.0");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${scorecard}/commitments/quill-c0/milestones/quill-c0-m0\\?asOf=${AS_OF}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quillfeather milestone 0.0");
});

test("the find page links a milestone of a compact scorecard to the milestone's own page", async ({ page }) => {
  await page.goto(`/demo/find?q=${encodeURIComponent("Quillfeather milestone 3.7")}`);
  const result = page.locator('[data-milestone="quill-c3-m7"]');
  await expect(result).toHaveCount(1);
  await expect(result.getByRole("link", { name: "Quillfeather milestone 3.7" })).toHaveAttribute(
    "href",
    `${scorecard}/commitments/quill-c3/milestones/quill-c3-m7`,
  );
});

test("in French, the compact scorecard says why it lists commitments", async ({ page }) => {
  await page.goto(`/fr${scorecard}?asOf=${AS_OF}`);
  await expect(page.locator("[data-compact-scorecard]")).toContainText(
    `Cet accord compte ${COMMITMENTS * MILESTONES_EACH} jalons`,
  );
  await expect(page.locator("#commitment-quill-c0")).toContainText(`${MILESTONES_EACH} jalons\u00a0: `);
  // The row's plain link keeps the reader's language.
  await expect(page.locator("#commitment-quill-c0").getByRole("link")).toHaveAttribute(
    "href",
    `/fr${scorecard}/commitments/quill-c0?asOf=${AS_OF}`,
  );
  await expect(page.getByRole("columnheader", { name: "Engagement" }).first()).toBeVisible();
});
