import { expect, test } from "@playwright/test";
import { demoAccount as account, signInAs, signInSettled, submitSignIn } from "./support/demo-accounts";

/**
 * Signing in and out in Chromium, against `npm start` on a fresh embedded database (playwright.config.ts): its first
 * start created the demo accounts and wrote their passwords to ACCORDWATCH_DATA/demo-accounts.json.
 */

test("signing in as the editor shows their name and the organisation demo on /account", async ({ page }) => {
  const editor = account("EDITOR");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await submitSignIn(page, editor.email, editor.password);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByTestId("account-name")).toHaveText(editor.name);
  const row = page.getByRole("row").filter({ hasText: "demo" });
  await expect(row).toContainText("Editor");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link")).toHaveText(editor.name);
});

test("a wrong password shows the message and keeps the email", async ({ page }) => {
  const admin = account("ADMIN");
  await page.goto("/signin");
  await submitSignIn(page, admin.email, `${admin.password}-wrong`);

  await expect(page.getByRole("status").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(admin.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL(/\/signin$/);
});

test("signing out ends the session", async ({ page }) => {
  const reviewer = account("REVIEWER");
  await signInAs(page, "REVIEWER");
  await expect(page.getByTestId("account-name")).toHaveText(reviewer.name);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link")).toHaveText("Sign in");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
});

test("a callbackUrl off the site is ignored", async ({ page }) => {
  const editor = account("EDITOR");
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await submitSignIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/account$/);
});

test("many wrong passwords end with the 'Too many attempts' message", async ({ page }) => {
  // Six sign-in round trips, each an argon2 verification on a 2-core machine shared with the other workers.
  test.slow();
  // An email without an account: the limit applies to it all the same (no hint of which emails exist), and the demo
  // accounts that other tests sign in with stay usable.
  const email = `nobody-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.accordwatch.test`;
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, email, `wrong password ${attempt}`);
    await signInSettled(page);
    await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
  }
  await submitSignIn(page, email, "wrong password 6");
  await expect(page.getByRole("status")).toHaveText(/^Too many attempts\. Try again in 15 minutes\.$/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
});
