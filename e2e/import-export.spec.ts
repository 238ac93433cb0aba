import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/demo-accounts";

const dataPage = "/w/demo/data";
const DEMO = "uk-france-small-boats-2025";

/** The parts of an accordwatch/v1 document these tests read or break; the rest is carried along as it is. */
interface ExportedDocument {
  format: string;
  sources: Array<{ id: string; kind: string }>;
  agreements: Array<{
    slug: string;
    title: string;
    published: boolean;
    commitments: Array<{ milestones: Array<{ statusUpdates: Array<{ status: string }> }> }>;
  }>;
  [field: string]: unknown;
}

/** items[index], or a failure saying the demo has changed. */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`the demo export has no item ${index} here`);
  return item;
}

/** The file to give the file field: JSON text, or raw bytes. */
function upload(name: string, content: string | Buffer, mimeType = "application/json") {
  return { name, mimeType, buffer: typeof content === "string" ? Buffer.from(content, "utf8") : content };
}

/** The import form's outcome (Next.js has a role=alert route announcer of its own). */
function importAlert(page: Page) {
  return page.locator("form", { has: page.getByLabel("accordwatch/v1 document") }).getByRole("alert");
}

/** The organisation's full export, as the signed-in page's session may download it. */
async function exportDocument(page: Page): Promise<ExportedDocument> {
  const response = await page.request.get("/w/demo/export");
  expect(response.status()).toBe(200);
  return (await response.json()) as ExportedDocument;
}

/** The titles of the agreements listed in the workspace, drafts included. */
async function workspaceAgreements(page: Page): Promise<string[]> {
  await page.goto("/w/demo");
  const list = page.locator('h2:has-text("Agreements, drafts included") + ul > li > a');
  await expect(list.first()).toBeVisible();
  return list.allTextContents();
}

const unique = () => `${Date.now().toString(36)}-${test.info().workerIndex}`;

// The tests below compare the workspace's agreements before and after; one import at a time keeps that meaningful.
test.describe.configure({ mode: "serial" });

test("an editor downloads the full and the public export, which parse and hold the demo agreement", async ({
  page,
}) => {
  await signInAs(page, "EDITOR", dataPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import and export");

  const full = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the full export (drafts included)" }).click();
  const download = await full;
  expect(download.suggestedFilename()).toMatch(/^demo-\d{4}-\d{2}-\d{2}\.accordwatch\.json$/);
  const document = JSON.parse(await readFile(await download.path(), "utf8")) as ExportedDocument;
  expect(document.format).toBe("accordwatch/v1");
  expect(document.agreements.map((a) => a.slug)).toContain(DEMO);
  // Other tests add sources to the same organisation: the demo's are there, whatever else is.
  expect(document.sources.map((s) => s.id)).toEqual(expect.arrayContaining(["bbc-2025-10-23", "times-2025-11"]));

  const open = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the public export (published agreements only)" }).click();
  const publicDownload = await open;
  expect(publicDownload.suggestedFilename()).toMatch(/^demo-public-\d{4}-\d{2}-\d{2}\.accordwatch\.json$/);
  const publicDocument = JSON.parse(await readFile(await publicDownload.path(), "utf8")) as ExportedDocument;
  expect(publicDocument.agreements.every((a) => a.published)).toBe(true);
  expect(publicDocument.agreements.map((a) => a.slug)).toContain(DEMO);

  const response = await page.request.get("/w/demo/export");
  expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="demo-\d{4}-\d{2}-\d{2}\./);
});

test("a broken document shows every error with its path, for a check and an import, and changes nothing", async ({
  page,
}) => {
  await signInAs(page, "EDITOR", "/w/demo");
  const before = await workspaceAgreements(page);
  const broken = await exportDocument(page);
  broken.colour = "blue";
  nth(broken.sources, 0).kind = "BLOG";
  // Other tests add agreements to the organisation: break the demo's, wherever the export puts it.
  const index = broken.agreements.findIndex((a) => a.slug === DEMO);
  const first = nth(broken.agreements, index);
  first.slug = `broken-${unique()}`;
  nth(nth(nth(first.commitments, 0).milestones, 0).statusUpdates, 1).status = "DONE";
  const expected = [
    ["sources[0].kind", 'got "BLOG"'],
    [`agreements[${index}].commitments[0].milestones[0].statusUpdates[1].status`, 'got "DONE"'],
    ["colour", 'unknown field "colour"'],
  ] as const;

  await page.goto(dataPage);
  await page.getByLabel("accordwatch/v1 document").setInputFiles(upload("broken.json", JSON.stringify(broken)));
  for (const button of ["Check only", "Import"]) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect(importAlert(page)).toHaveText("The document has 3 errors; nothing was imported.");
    await expect(page.getByRole("heading", { name: "3 errors in the document" })).toBeVisible();
    const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(expected.length);
    for (const [path, message] of expected) {
      const row = rows.filter({ has: page.getByRole("cell", { name: path, exact: true }) });
      await expect(row).toContainText(message);
    }
  }

  expect(await workspaceAgreements(page)).toEqual(before);
  expect((await exportDocument(page)).agreements.map((a) => a.slug)).not.toContain(first.slug);
});

test("a valid document is checked, imported, found in the workspace, refused again, then replaced", async ({
  page,
}) => {
  await signInAs(page, "EDITOR", dataPage);
  const document = await exportDocument(page);
  const agreement = nth(
    document.agreements,
    document.agreements.findIndex((a) => a.slug === DEMO),
  );
  const slug = `e2e-import-${unique()}`;
  const title = `Imported copy ${slug}`;
  // A draft, so that the public scorecard other tests read stays as it is.
  const copy = { ...document, agreements: [{ ...agreement, slug, title, published: false }] };
  const file = page.getByLabel("accordwatch/v1 document");
  await file.setInputFiles(upload(`${slug}.json`, JSON.stringify(copy)));

  await page.getByRole("button", { name: "Check only" }).click();
  await expect(page.getByText("The document is valid. Nothing was written.")).toBeVisible();
  const check = page.getByRole("region", { name: "What an import would do" });
  await expect(check).toContainText(`1 agreement: ${slug}`);
  const sources = document.sources.length;
  await expect(check).toContainText(`${sources} sources, ${sources} of them already in`);
  await expect(check).toContainText("No agreement of the document is in Accordwatch demo yet");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(`Imported 1 agreement and ${sources} sources.`)).toBeVisible();
  const imported = page.getByRole("region", { name: "Imported into Accordwatch demo" });
  await expect(imported.getByRole("listitem")).toHaveText(`${slug} (new)`);

  // The file is still chosen: importing it again is refused, the conflict said, until replacing is asked for.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(importAlert(page)).toHaveText(
    `The organisation "demo" already has the agreement(s) ${slug}; nothing was imported. ` +
      "Tick “Replace agreements that already exist” to replace them.",
  );
  // By keyboard this time.
  await page.getByLabel("Replace agreements that already exist").focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Replace agreements that already exist")).toBeChecked();
  await page.getByRole("button", { name: "Check only" }).focus();
  await page.keyboard.press("Enter");
  await expect(check).toContainText(`Already in Accordwatch demo: ${slug}. An import replaces them`);
  await page.getByRole("button", { name: "Import", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(imported.getByRole("listitem")).toHaveText(`${slug} (replaced)`);

  await imported.getByRole("link", { name: slug }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/w/demo/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await workspaceAgreements(page)).toContain(title);
  expect((await exportDocument(page)).agreements.filter((a) => a.slug === slug)).toHaveLength(1);
});

test("problems with the file itself are said beside the file field", async ({ page }) => {
  await signInAs(page, "EDITOR", dataPage);
  const file = page.getByLabel("accordwatch/v1 document");
  const importButton = page.getByRole("button", { name: "Import", exact: true });

  // No file: the browser asks for one (the field is required).
  await importButton.click();
  expect(await file.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  await expect(importAlert(page)).toHaveCount(0);

  const cases = [
    [upload("empty.json", ""), "“empty.json” is empty."],
    [upload("latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), "“latin1.json” is not UTF-8 text"],
    [upload("notes.json", "These are not JSON."), "not an accordwatch/v1 document: invalid JSON at line 1, column 1"],
    [upload("notes.txt", "{}", "text/plain"), "“notes.txt” is not a JSON file"],
  ] as const;
  for (const [content, message] of cases) {
    await file.setInputFiles(content);
    await importButton.click();
    await expect(importAlert(page)).toHaveText("Nothing was imported: see the message beside the file.");
    await expect(file).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    await expect(file).toHaveAttribute("aria-invalid", "true");
  }
});

test("a file over 20 MB is refused before it is sent, and by the server when sent anyway", async ({ page }) => {
  test.slow(); // 20 MB into the browser twice, and once to the server
  await signInAs(page, "EDITOR", dataPage);
  const file = page.getByLabel("accordwatch/v1 document");
  const importButton = page.getByRole("button", { name: "Import", exact: true });

  // Said as soon as it is chosen, and the form is not sent.
  const huge = upload("huge.json", Buffer.alloc(20_000_001, 0x20));
  await file.setInputFiles(huge);
  await expect(file).toHaveAccessibleDescription(
    /The file is 20\.1 MB; the largest file that can be imported is 20 MB\./,
  );
  expect(await file.evaluate((input: HTMLInputElement) => input.validity.customError)).toBe(true);
  let posted = false;
  page.on("request", (request) => {
    if (request.method() === "POST") posted = true;
  });
  await importButton.click();
  await page.getByRole("button", { name: "Check only" }).click();
  await page.waitForTimeout(500); // what a submission would take to start
  expect(posted).toBe(false);

  // Past the form's own check, the server refuses it the same way: its body limit lets such a file reach the action.
  await page.reload();
  await file.setInputFiles(huge);
  await file.evaluate((input: HTMLInputElement) => input.setCustomValidity(""));
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await importButton.click();
  expect((await answered).status()).toBe(200);
  await expect(importAlert(page)).toHaveText("Nothing was imported: see the message beside the file.");
  await expect(file).toHaveAccessibleDescription(
    /The file is 20\.1 MB; the largest file that can be imported is 20 MB\./,
  );
});

test("a reviewer may download the public export only, and sees no import form", async ({ page }) => {
  await signInAs(page, "REVIEWER", dataPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import and export");
  await expect(page.getByText("Only editors and admins may import documents into Accordwatch demo.")).toBeVisible();
  await expect(page.getByLabel("accordwatch/v1 document")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /full export/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /public export/ })).toBeVisible();
  expect((await page.request.get("/w/demo/export")).status()).toBe(403);
  expect((await page.request.get("/w/demo/export?public=1")).status()).toBe(200);
});

test("the export answers 404 to the public and for an organisation one is not in", async ({ page, request }) => {
  expect((await request.get("/w/demo/export")).status()).toBe(404);
  expect((await request.get("/w/no-such-org/export?public=1")).status()).toBe(404);
  await page.goto(dataPage);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fw%2Fdemo%2Fdata/);

  await signInAs(page, "EDITOR", "/w");
  expect((await page.request.get("/w/no-such-org/export")).status()).toBe(404);
  expect((await page.goto("/w/no-such-org/data"))?.status()).toBe(404);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
