/**
 * A keyboard-only journey (issue 4, "Tests") in Chromium: the scorecard, the find page's filters and a reviewer's
 * briefing. After the first `page.goto` every move is a key press (Tab, Shift+Tab, Enter, Space, arrows, typing):
 * no click, no fill, no other goto. Each link and button landed on must show a focus indicator.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "./support/demo-accounts";

const AGREEMENT = "uk-france-small-boats-2025";
const AGREEMENT_TITLE = "UK–France measures against small-boat crossings";
const SCORECARD = `/demo/${AGREEMENT}`;
const STALLED_MILESTONE = "Interception tactics deployed at sea";
const BRIEFING = `/w/demo/${AGREEMENT}/briefing`;
const ATTENTION = ["BROKEN", "STALLED", "AT_RISK"];

// The date field's segments are typed in US English order (month, day, year).
test.use({ locale: "en-US" });

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

/** What has the focus, for failure messages. */
const describeFocus = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el === null) return "nothing";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}> "${text}"`;
  });

/**
 * Presses Tab (Shift+Tab when `backwards`) until `locator` has the focus, and fails saying where the focus was after
 * `max` presses. Returns the number of presses.
 */
async function tabTo(page: Page, locator: Locator, { max = 40, backwards = false } = {}): Promise<number> {
  await expect(locator, "the element to tab to is on the page").toBeAttached();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(locator)) return presses;
  }
  throw new Error(
    `${backwards ? "Shift+Tab" : "Tab"} pressed ${max} times without focusing ${locator}; focus is on ${await describeFocus(page)}`,
  );
}

/** The focused element is on screen and shows a focus indicator: an outline, or else a box shadow. */
async function expectVisibleFocus(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
  await expect(locator).toBeVisible();
  await expect(locator).toBeInViewport();
  const style = await locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  const outlined = style.outline !== "none" && style.width !== "0px";
  const shadowed = style.shadow !== "none" && style.shadow !== "";
  expect(outlined || shadowed, `focus indicator of ${locator}: ${JSON.stringify(style)}`).toBe(true);
}

/** Tabs to `locator` and checks its focus indicator. */
async function tabToVisible(page: Page, locator: Locator, options?: { max?: number; backwards?: boolean }) {
  await tabTo(page, locator, options);
  await expectVisibleFocus(locator);
}

test("a keyboard user goes from the scorecard's stalled milestone to the find page's filters, signs in and operates a reviewer's briefing", async ({
  page,
}) => {
  // Five pages, a sign-in (argon2 hashing) and the reviewer's workspace page, on two shared cores.
  test.setTimeout(120_000);
  await page.goto(SCORECARD);

  await test.step("the first Tab shows the skip link, and Enter on it moves the keyboard into the main content", async () => {
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect((await skip.boundingBox())?.width ?? 0, "hidden until focused").toBeLessThanOrEqual(1);
    await page.keyboard.press("Tab");
    await expectVisibleFocus(skip);
    expect((await skip.boundingBox())?.width ?? 0, "shown once focused").toBeGreaterThan(20);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${SCORECARD}#main$`));
    // The next Tab lands in <main> (its breadcrumb), past the header's links.
    await page.keyboard.press("Tab");
    const landed = page.locator("main").getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").first();
    await expectVisibleFocus(landed);
    expect(await landed.evaluate((el) => el.closest("header") === null)).toBe(true);
  });

  await test.step("the stalled list's link leads to the milestone on the scorecard, and from there to its page", async () => {
    const stalled = page
      .getByRole("region", { name: "Stalled milestones" })
      .getByRole("link", { name: STALLED_MILESTONE });
    await tabToVisible(page, stalled);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${SCORECARD}#milestone-deploy-tactics$`));

    // Following the in-page link moves the keyboard there too: the next Tab is the milestone's own link.
    await page.keyboard.press("Tab");
    const own = page.locator("#milestone-deploy-tactics").getByRole("heading", { level: 4 }).getByRole("link");
    await expectVisibleFocus(own);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(
      (url) => url.pathname === `${SCORECARD}/commitments/maritime-interception/milestones/deploy-tactics`,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(STALLED_MILESTONE);
  });

  await test.step("the breadcrumb leads back to the organisation, whose page links to the find page", async () => {
    const organisation = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", {
      name: "Accordwatch demo",
    });
    await tabToVisible(page, organisation, { max: 10 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/demo");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accordwatch demo");

    const find = page.getByRole("link", { name: /^Find milestones/ });
    await tabToVisible(page, find, { max: 20 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/demo/find");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find milestones");
  });

  await test.step("the find form is filled and sent with the keyboard, and the address holds the search", async () => {
    const search = page.getByLabel("Search titles, rationales and quotes");
    await tabTo(page, search, { max: 15 });
    await page.keyboard.type("delay");
    await expect(search).toHaveValue("delay");

    const party = page.getByLabel("Party");
    await tabTo(page, party, { max: 1 });
    await page.keyboard.press("ArrowDown");
    await expect(party).toHaveValue("FR");

    const stalled = page.getByRole("checkbox", { name: "Stalled" });
    await tabToVisible(page, stalled, { max: 15 });
    await page.keyboard.press("Space");
    await expect(stalled).toBeChecked();

    const submit = page.getByRole("button", { name: "Find", exact: true });
    await tabToVisible(page, submit, { max: 10 });
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/[?&]q=delay(&|$)/);
    await expect(page).toHaveURL(/[?&]party=FR(&|$)/);
    await expect(page).toHaveURL(/[?&]health=STALLED(&|$)/);
    await expect(page.getByRole("status")).toHaveText("1 milestone matches this search.");
    const results = page.locator("li[data-milestone]");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("data-milestone", "deploy-tactics");
    // The form shows the search it was sent with.
    await expect(page.getByLabel("Search titles, rationales and quotes")).toHaveValue("delay");
    await expect(page.getByLabel("Party")).toHaveValue("FR");
    await expect(page.getByRole("checkbox", { name: "Stalled" })).toBeChecked();

    const result = results.first().getByRole("link", { name: STALLED_MILESTONE });
    await tabToVisible(page, result, { max: 30 });
    await expect(result).toHaveAttribute("href", `${SCORECARD}#milestone-deploy-tactics`);
  });

  await test.step("the header's Sign in link and the sign-in form work with the keyboard", async () => {
    const signIn = page.getByRole("banner").getByRole("link", { name: "Sign in" });
    await tabToVisible(page, signIn, { max: 40, backwards: true });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/signin");

    const { email, password } = demoAccount("REVIEWER");
    await tabTo(page, page.getByLabel("Email"), { max: 10 });
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel("Password"), { max: 1 });
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    // Without a callback the sign-in page leads to the account page; hashing the password takes a moment.
    await expect(page).toHaveURL((url) => url.pathname === "/account", { timeout: 15_000 });
    await expect(page.getByTestId("header-account")).toHaveText(demoAccount("REVIEWER").name);
  });

  await test.step("the account page leads through the workspace to the agreement's briefing", async () => {
    const organisation = page.getByRole("main").getByRole("link", { name: "Accordwatch demo" });
    await tabToVisible(page, organisation, { max: 10 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/w/demo");

    const agreement = page.getByRole("main").getByRole("link", { name: AGREEMENT_TITLE });
    await tabToVisible(page, agreement, { max: 20 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === `/w/demo/${AGREEMENT}`);

    const briefing = page.getByRole("link", { name: "Briefing", exact: true });
    await tabToVisible(page, briefing, { max: 15 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === BRIEFING);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Briefing: ${AGREEMENT_TITLE}`);
  });

  const attention = page.getByRole("region", { name: "Needs attention" }).locator("article.briefing-item");
  const rest = page.getByRole("region", { name: "The rest" }).locator("article.briefing-item");

  await test.step("the briefing puts the stalled deployment first, with its reasons", async () => {
    await expect(attention.first()).toHaveAttribute("data-milestone", "maritime-interception/deploy-tactics");
    await expect(attention.first().getByRole("heading", { level: 3 })).toContainText(STALLED_MILESTONE);
    await expect(attention.first().locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
    await expect(attention.first().locator('[data-flag="OVERDUE"]')).toContainText(
      "Overdue since 1 December 2025 (deadline: November 2025)",
    );
    // Every broken, stalled or at-risk item comes before every other.
    const healths = (items: Locator) =>
      items.locator("h3 [data-health]").evaluateAll((els) => els.map((el) => el.getAttribute("data-health")));
    for (const health of await healths(attention)) expect(ATTENTION).toContain(health);
    for (const health of await healths(rest)) expect(ATTENTION).not.toContain(health);
  });

  await test.step("the as-of form takes a day typed into the date field and Enter", async () => {
    const day = page.getByLabel("Brief as of");
    await tabTo(page, day, { max: 15 });
    await expectVisibleFocus(day);
    // Chromium's date field, in US English: month, day and year segments, each moving on to the next when full.
    await page.keyboard.type("10312025");
    await expect(day).toHaveValue("2025-10-31");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === BRIEFING && url.searchParams.get("asOf") === "2025-10-31");
    await expect(page.getByLabel("Brief as of")).toHaveValue("2025-10-31");

    // On 31 October 2025 the doctrine was the stalled one, contradicted by the BBC.
    await expect(attention.first()).toHaveAttribute("data-milestone", "maritime-interception/adopt-doctrine");
    await expect(attention.first().locator("[data-health]").first()).toHaveAttribute("data-health", "STALLED");
    await expect(attention.first().locator('[data-flag="CONTRADICTED"]')).toContainText("BBC, 23 October 2025");
  });

  await test.step("the Print button and the Markdown download are reached by Tab, and Enter downloads", async () => {
    const print = page.getByRole("button", { name: "Print" });
    // The button appears once the page is hydrated (components/workspace/PrintButton.tsx).
    await expect(print).toBeVisible();
    await tabToVisible(page, print, { max: 25 });
    const markdown = page.getByRole("link", { name: "Download as Markdown" });
    await tabToVisible(page, markdown, { max: 1 });
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    expect((await download).suggestedFilename()).toBe(`briefing-demo-${AGREEMENT}-2025-10-31.md`);
  });
});
