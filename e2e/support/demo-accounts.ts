/**
 * The demo accounts of the e2e web server (playwright.config.ts: `npm start` on a fresh embedded database), whose
 * first start wrote them, passwords included, to ACCORDWATCH_DATA/demo-accounts.json (scripts/lib/prepare.ts).
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export interface DemoAccount {
  readonly role: "ADMIN" | "EDITOR" | "REVIEWER";
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

// The same folder as playwright.config.ts gives the web server.
const dataDir = path.join(tmpdir(), `accordwatch-e2e-${Number(process.env.E2E_PORT ?? 3210)}`);

export function demoAccount(role: DemoAccount["role"]): DemoAccount {
  const accounts = JSON.parse(readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8")) as DemoAccount[];
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(`no ${role} in ${dataDir}/demo-accounts.json`);
  return found;
}

/** Fills and submits the sign-in form on the current page, and waits for NextAuth's answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/**
 * Waits until the form has taken in NextAuth's answer: the button reads "Sign in" again only once the action has
 * finished, in the same render that resets the form. Filling the form before that races with the reset.
 */
export async function signInSettled(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
}

/** Signs in through the sign-in page as a demo account and waits until `callbackPath` is shown. */
export async function signInAs(page: Page, role: DemoAccount["role"], callbackPath = "/account"): Promise<void> {
  const { email, password } = demoAccount(role);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await submitSignIn(page, email, password);
  // Signing in hashes the password and renders the page asked for (an editor's agreement page is heavy): allow for it.
  await expect(page).toHaveURL((url) => url.pathname + url.search === callbackPath, { timeout: 15_000 });
}

/**
 * Signs in at the app on `base` (a spec's own app, e2e/support/own-app.ts) as the account of `role` among
 * `accounts` (what the spec's preparation printed), and waits until `callbackPath` is shown.
 */
export async function signInAtApp(
  page: Page,
  base: string,
  accounts: readonly DemoAccount[],
  role: DemoAccount["role"],
  callbackPath: string,
): Promise<void> {
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new Error(`no ${role} account`);
  await page.goto(`${base}/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(`${base}${callbackPath}`, { timeout: 15_000 });
}
