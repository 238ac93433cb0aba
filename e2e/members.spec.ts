import { expect, test, type Page } from "@playwright/test";
import { signInAs, submitSignIn } from "./support/demo-accounts";

test("an admin invites an editor, who signs up through the link once and lands in the workspace", async ({
  page,
  browser,
}) => {
  await signInAs(page, "ADMIN", "/w/demo/members");
  await page.getByLabel("Role of the new member").selectOption("EDITOR");
  await page.getByRole("button", { name: "Create an invitation link" }).click();
  const link = page.getByLabel(/^Invitation link/);
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toBeVisible();

  const invitee = await browser.newContext();
  const newPage = await invitee.newPage();
  const unique = `${Date.now()}-${test.info().workerIndex}`;
  const name = `Ivy ${unique}`;
  const email = `invited-${unique}@example.org`;
  const password = "correct-horse-16";
  await newPage.goto(url);
  await expect(newPage.getByRole("heading", { level: 1 })).toHaveText(/^Join .+ as editor$/);

  // A short password is refused beside the field, and what was typed (but the password) stays.
  await newPage.getByLabel("Name").fill(name);
  await newPage.getByLabel("Email").fill(email);
  await newPage.getByLabel("Password").fill("too-short");
  await newPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(newPage.getByLabel("Password")).toHaveAccessibleDescription(/at least 12 characters/i);
  await expect(newPage.getByLabel("Email")).toHaveValue(email);
  await expect(newPage.getByLabel("Password")).toHaveValue("");

  await newPage.getByLabel("Password").fill(password);
  await newPage.getByRole("button", { name: "Create account and join" }).click();
  await newPage.getByRole("link", { name: /^Sign in to / }).click();
  await expect(newPage).toHaveURL(/\/signin\?callbackUrl=/);
  await submitSignIn(newPage, email, password);
  await expect(newPage).toHaveURL((u) => u.pathname === "/w/demo");
  await expect(newPage.getByRole("heading", { name: "Agreements, drafts included" })).toBeVisible();

  await newPage.goto(url);
  await expect(newPage.getByRole("heading", { level: 1 })).toHaveText("This invitation has been used already");
  await invitee.close();

  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(email);
  await expect(row.getByRole("cell", { name: "Editor", exact: true })).toBeVisible();
});

/** Creates an invite as the admin on the members page and returns its full link. */
async function createInviteLink(page: Page, role: "ADMIN" | "EDITOR" | "REVIEWER"): Promise<string> {
  await page.getByLabel("Role of the new member").selectOption(role);
  await page.getByRole("button", { name: "Create an invitation link" }).click();
  const link = page.getByLabel(/^Invitation link/);
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

test("an admin changes a member's role and removes them; signed in, they accept a new link with one click", async ({
  page,
  browser,
}) => {
  await signInAs(page, "ADMIN", "/w/demo/members");
  const first = await createInviteLink(page, "REVIEWER");
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  const name = `Rowan ${Date.now()}`;
  const email = `rowan-${Date.now()}-${test.info().workerIndex}@example.org`;
  const password = "another-16-chars";
  await memberPage.goto(first);
  await memberPage.getByLabel("Name").fill(name);
  await memberPage.getByLabel("Email").fill(email);
  await memberPage.getByLabel("Password").fill(password);
  await memberPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(memberPage.getByRole("link", { name: /^Sign in to / })).toBeVisible();

  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await row.getByRole("combobox").selectOption("EDITOR");
  await row.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect(row.getByText(`${name} is now editor.`)).toBeVisible();
  await row.getByText("Remove…").click();
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

  const second = await createInviteLink(page, "EDITOR");
  await memberPage.goto(`/signin?callbackUrl=${encodeURIComponent(new URL(second).pathname)}`);
  await submitSignIn(memberPage, email, password);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText(/^Join .+ as editor$/);
  await memberPage.getByRole("button", { name: /^Accept and join/ }).click();
  await expect(memberPage).toHaveURL((u) => u.pathname === "/w/demo");
  await member.close();
});

test("the last admin cannot be removed, and the refusal is shown", async ({ page }) => {
  await signInAs(page, "ADMIN", "/w/demo/members");
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: /Change role of/ }) });
  const admins = row.filter({ has: page.getByRole("cell", { name: "Admin", exact: true }) });
  await expect(admins).toHaveCount(1);
  await admins.getByText("Remove…").click();
  await admins.getByRole("button", { name: /^Remove / }).click();
  await expect(admins.getByRole("alert")).toContainText("The last admin of an organisation cannot be removed");
});

test("a reviewer sees the members but cannot invite or change them", async ({ page }) => {
  await signInAs(page, "REVIEWER", "/w/demo/members");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Members of");
  await expect(page.getByRole("row")).not.toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create an invitation link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Change role/ })).toHaveCount(0);
});

test("an unknown invitation link explains itself instead of failing", async ({ page }) => {
  const response = await page.goto(`/invite/${"x".repeat(43)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link does not work");
  await expect(page.getByText("Ask an admin of the organisation for a new one.")).toBeVisible();
});

test("the members page sends the public to sign in", async ({ page }) => {
  await page.goto("/w/demo/members");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fw%2Fdemo%2Fmembers/);
});
