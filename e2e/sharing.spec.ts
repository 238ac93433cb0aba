/**
 * Sharing (issue 4): the embeddable scorecard widget may be framed by any site and every other page refuses to be,
 * in both languages; each agreement has an Open Graph image that its scorecard names.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";

const AGREEMENT = "/demo/uk-france-small-boats-2025";

/**
 * Another site: a server of the test's own on another port (another origin to the browser), whose page frames the
 * address it is given. A real server, not a route answered inside the browser: Chromium refuses a page of unknown
 * address space framing a loopback address, whatever the framed page's headers say.
 */
let anotherSite: Server;
let anotherOrigin: string;

test.beforeAll(async () => {
  anotherSite = createServer((request, response) => {
    const src = new URL(request.url ?? "/", "http://x").searchParams.get("src") ?? "";
    const escaped = src.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><title>Another site</title><iframe title="framed" src="${escaped}" width="600" height="500"></iframe></html>`,
    );
  });
  await new Promise<void>((resolve) => anotherSite.listen(0, "127.0.0.1", resolve));
  anotherOrigin = `http://127.0.0.1:${(anotherSite.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => anotherSite.close(resolve));
});

async function frameOnAnotherSite(page: Page, src: string): Promise<void> {
  await page.goto(`${anotherOrigin}/?${new URLSearchParams({ src }).toString()}`);
}

test("another site can frame the scorecard widget, in English and in French", async ({ page, baseURL }) => {
  for (const [path, heading] of [
    [`/embed${AGREEMENT}?asOf=2025-10-31`, "As of 31 October 2025"],
    [`/fr/embed${AGREEMENT}?asOf=2025-10-31`, "À la date du 31 octobre 2025"],
  ] as const) {
    await frameOnAnotherSite(page, `${baseURL}${path}`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(
      "UK–France measures against small-boat crossings",
    );
    await expect(frame.locator("[data-party=FR]")).toContainText("50");
    await expect(frame.getByText(heading)).toBeVisible();
    // The link to the full scorecard leaves the frame for the reader's own window, at the day shown.
    const full = frame.getByRole("link", { name: "UK–France measures against small-boat crossings" });
    await expect(full).toHaveAttribute("target", "_top");
    await expect(full).toHaveAttribute("href", `${path.startsWith("/fr") ? "/fr" : ""}${AGREEMENT}?asOf=2025-10-31`);
  }
});

test("another site cannot frame the scorecard itself", async ({ page, baseURL }) => {
  const refused = page.waitForEvent("console", (m) => /frame-ancestors|Refused to display/.test(m.text()));
  await frameOnAnotherSite(page, `${baseURL}${AGREEMENT}`);
  await refused;
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
});

test("every page but the widget refuses framing, and the widget allows it", async ({ request }) => {
  for (const path of ["/", "/fr", "/demo", AGREEMENT, `/fr${AGREEMENT}`, `${AGREEMENT}/changes`, "/signin", "/w"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  for (const path of [`/embed${AGREEMENT}`, `/fr/embed${AGREEMENT}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-frame-options"], path).toBeUndefined();
    // The page's policy (e2e/content-security-policy.spec.ts) says who may frame it: any site.
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors *");
    expect(response.headers()["content-security-policy"], path).not.toContain("frame-ancestors 'none'");
  }
  expect((await request.get("/embed/demo/no-such-agreement")).status()).toBe(404);
});

test("every answer, pages, widget, feeds, API and images alike, carries the transport and sniffing headers", async ({
  request,
}) => {
  for (const path of [
    "/",
    `/fr${AGREEMENT}`,
    `/embed${AGREEMENT}`,
    `${AGREEMENT}/feed.xml`,
    `${AGREEMENT}/og-image.png`,
    "/api/v1/openapi.json",
    "/no-such-organisation",
  ]) {
    const headers = (await request.get(path)).headers();
    expect(headers["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the scorecard names its Open Graph image, a 1200×630 PNG, in the page's language", async ({ page, request }) => {
  for (const prefix of ["", "/fr"]) {
    await page.goto(`${prefix}${AGREEMENT}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(new RegExp(`^https?://[^/]+${prefix}${AGREEMENT}/og-image\\.png$`));
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", /UK–France measures/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const response = await request.get(new URL(image!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
  }
  expect((await request.get("/demo/no-such-agreement/og-image.png")).status()).toBe(404);
});
