import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { SHARED_CACHE_HEADER } from "../lib/http/cached-answer.mjs";
import { createPublishedAgreement } from "./support/published-agreement";

/**
 * The proxy's fast path (lib/http/cached-answer.mjs), against `npm start`: a fresh cached page is answered by the
 * proxy with the answer Next.js gives for it, and everything else still goes to Next.js.
 *
 * How an answer's origin shows: Next.js's answer to a cached page carries the proxy's rewrite
 * (`x-middleware-rewrite: /en/asof/…`), the proxy's own cannot (the rewrite did not happen). That header, the answer's
 * framing (Next.js's Content-Length, the proxy's chunks) and the moment it was made (Date, X-Request-Id,
 * X-Accel-Expires) are the only differences allowed; all else is compared as it is.
 */

const AGREEMENT = "/demo/uk-france-small-boats-2025";
/** Allowed to differ between two answers of the same entry (see above); x-nextjs-cache is compared on its own. */
const PER_ANSWER = new Set([
  "date",
  "x-request-id",
  "x-accel-expires",
  "x-middleware-rewrite",
  "x-nextjs-cache",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly fromProxy: boolean;
}

async function answer(response: APIResponse): Promise<Answer> {
  const headers = response.headers();
  return {
    status: response.status(),
    headers,
    body: await response.body(),
    fromProxy: headers["x-middleware-rewrite"] === undefined,
  };
}

async function get(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await request.get(url, { headers, maxRedirects: 0 }));
}

/** The headers two answers must share. */
function comparable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_ANSWER.has(name)));
}

/**
 * An answer of Next.js's, then the proxy's of the same cache entry (the same ETag), for a page no one asked for yet:
 * its first request is rendered by Next.js (MISS), the next ones come from the proxy. Asked again until that pair
 * comes: other specs' edits, running alongside, expire every public page (then Next.js renders it again).
 */
async function nextThenProxy(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string> = {},
): Promise<[Answer, Answer]> {
  let previous = await get(request, url, headers);
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await get(request, url, headers);
    if (!previous.fromProxy && current.fromProxy && previous.headers.etag === current.headers.etag) {
      return [previous, current];
    }
    previous = current;
  }
  throw new Error(`${url}: no answer of Next.js's followed by the proxy's of the same entry in 20 requests`);
}

/** The proxy's answer to `url`, asked until it comes (the page may be rendered or stale first). */
async function proxyAnswer(request: APIRequestContext, url: string): Promise<Answer> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const current = await get(request, url);
    if (current.fromProxy) return current;
  }
  throw new Error(`${url}: not answered by the proxy in 30 requests`);
}

test("a fresh cached page is answered by the proxy with the answer Next.js gives for it", async ({ request }) => {
  test.slow();
  // Pages no other spec asks for (days of their own), each kind of cached page, in both languages; the widget has
  // its own framing policy.
  const paths = [
    AGREEMENT,
    `/fr${AGREEMENT}`,
    "/demo",
    `${AGREEMENT}/commitments/maritime-interception`,
    `/embed${AGREEMENT}`,
    "/demo/sources/bbc-2025-10-23",
  ];
  for (const path of paths) {
    // A day of its own for each encoding: the first request of each is Next.js's.
    for (const [encoding, day] of [
      ["gzip, deflate, br", "2025-11-03"],
      ["identity", "2025-11-13"],
    ] as const) {
      const url = `${path}?asOf=${day}`;
      const [next, proxy] = await nextThenProxy(request, url, { "accept-encoding": encoding });
      const where = `${url} (Accept-Encoding: ${encoding})`;
      expect(proxy.status, where).toBe(200);
      expect(proxy.body.equals(next.body), `${where}: the same body`).toBe(true);
      expect(comparable(proxy.headers), where).toEqual(comparable(next.headers));
      expect(["MISS", "HIT", "STALE"], where).toContain(next.headers["x-nextjs-cache"]);
      expect(proxy.headers["x-nextjs-cache"], where).toBe("HIT");
      expect(proxy.headers["x-request-id"], where).toMatch(/^[0-9a-f-]{36}$/);
      expect(proxy.headers["x-accel-expires"], where).toMatch(/^@\d+$/);
      if (encoding === "identity") {
        expect(next.headers["content-length"], where).toBe(String(next.body.length));
        expect(proxy.headers["transfer-encoding"], where).toBe("chunked");
      } else {
        expect(proxy.headers["content-encoding"], where).toBe(next.headers["content-encoding"]);
      }
    }
  }
  // What a browser gets on the proxy's answer, spelled out (the comparison above holds them equal to Next.js's).
  const [, proxy] = await nextThenProxy(request, `${AGREEMENT}?asOf=2025-11-04`);
  expect(proxy.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(proxy.headers["cache-control"]).toBe("s-maxage=1, stale-while-revalidate=59");
  expect(proxy.headers["content-security-policy"]).toMatch(
    /^frame-ancestors 'none', default-src 'self'; script-src 'self' 'sha256-/,
  );
  expect(proxy.headers["x-frame-options"]).toBe("DENY");
  expect(proxy.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(proxy.headers.vary).toBe(
    "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
  );
});

test("the proxy answers 304 to a matching If-None-Match, with the headers of the page but its content's", async ({
  request,
}) => {
  const url = `${AGREEMENT}?asOf=2025-11-05`;
  const [, page] = await nextThenProxy(request, url);
  const notModified = await get(request, url, { "if-none-match": page.headers.etag ?? "" });
  expect(notModified.status).toBe(304);
  expect(notModified.fromProxy).toBe(true);
  expect(notModified.body.length).toBe(0);
  // Next.js's 304 (send-payload.js sendEtagResponse): everything set before the body, so no Content-Type, and no
  // compression (so no Accept-Encoding in Vary).
  const { "content-type": _type, "content-encoding": _encoding, vary, ...rest } = comparable(page.headers);
  const { vary: notModifiedVary, ...notModifiedRest } = comparable(notModified.headers);
  expect(notModifiedRest).toEqual(rest);
  expect(notModifiedVary).toBe(vary?.replace(", Accept-Encoding", ""));
  // Another ETag, or a client asking the origin to check (Cache-Control: no-cache): the page.
  expect((await get(request, url, { "if-none-match": '"other"' })).status).toBe(200);
  expect(
    (await get(request, url, { "if-none-match": page.headers.etag ?? "", "cache-control": "no-cache" })).status,
  ).toBe(200);
});

test("HEAD, the client router's requests and anything but a page go on to Next.js", async ({ request }) => {
  const url = `${AGREEMENT}?asOf=2025-11-06`;
  const [, page] = await nextThenProxy(request, url);

  const head = await request.head(url, { maxRedirects: 0 });
  expect(head.status()).toBe(200);
  expect(head.headers()["x-middleware-rewrite"]).toBeDefined();
  expect(head.headers()["content-length"]).toBe(String(page.body.length));

  // A shared cache in front (deploy/nginx) gets Next.js's answer, with its Content-Length, not the proxy's chunks.
  // It asks for no compression (it compresses itself), as here; the proxy's answer would be chunked even so.
  const asCache = { [SHARED_CACHE_HEADER]: "1", "accept-encoding": "identity" };
  const forCache = await request.get(url, { headers: asCache, maxRedirects: 0 });
  expect(forCache.status()).toBe(200);
  expect(forCache.headers()["x-middleware-rewrite"]).toBeDefined();
  expect(forCache.headers()["content-length"]).toBe(String(page.body.length));
  expect(forCache.headers()["transfer-encoding"]).toBeUndefined();

  // The client router's request: Next.js first sends it to the address with the `_rsc` hash of its headers, then
  // answers the RSC payload there.
  const redirected = await get(request, url, { rsc: "1" });
  expect(redirected.fromProxy).toBe(false);
  expect(redirected.status).toBe(307);
  const rscUrl = redirected.headers.location ?? "";
  expect(rscUrl).toMatch(/[?&]_rsc/);
  const rsc = await get(request, rscUrl, { rsc: "1" });
  expect(rsc.fromProxy).toBe(false);
  expect(rsc.headers["content-type"]).toBe("text/x-component");
  expect((await get(request, rscUrl, { rsc: "1", "next-router-prefetch": "1" })).fromProxy).toBe(false);
  // The `_rsc` query alone, or a router header without RSC: still not the proxy's to answer.
  expect((await get(request, `${url}&_rsc=e2e`)).fromProxy).toBe(false);
  expect((await get(request, url, { "next-router-prefetch": "1" })).fromProxy).toBe(false);
  // Pages rendered per request: never.
  expect((await get(request, "/demo/find?q=patrol")).fromProxy).toBe(false);
  // A 404 of a public page is Next.js's, cached or not.
  for (let i = 0; i < 3; i++) {
    const missing = await get(request, "/demo/no-such-agreement?asOf=2025-11-06");
    expect(missing.status).toBe(404);
    expect(missing.fromProxy).toBe(false);
  }
});

test("after an editor's save, the very next request shows the new state, though the proxy answered before", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const slug = `e2e-fast-${suffix}`;
  const title = `Fast path agreement ${suffix}`;
  const retitled = `Retitled fast path agreement ${suffix}`;

  await createPublishedAgreement(page, { slug, title, summary: "Made to watch the proxy's answers." });

  const pages = [`/demo/${slug}`, `/fr/demo/${slug}`, "/demo"];
  for (const url of pages) {
    expect((await proxyAnswer(request, url)).body.toString(), url).toContain(title);
  }

  const edit = page.locator("details").filter({
    has: page.getByText("Edit the agreement: title, parties, settings", { exact: true }),
  });
  await edit.locator("summary").first().click();
  const editForm = page.getByRole("form", { name: `Edit agreement ${title}` });
  await editForm.getByLabel("Title").fill(retitled);
  await editForm.getByRole("button", { name: "Save agreement" }).click();
  await expect(page.getByText("Agreement saved.")).toBeVisible();

  // The save expired the pages' tags: the next request shows the new state (Next.js renders it), not the proxy's
  // copy of the old one; then the proxy answers with the new one.
  for (const url of pages) {
    expect((await get(request, url)).body.toString(), url).toContain(retitled);
    expect((await proxyAnswer(request, url)).body.toString(), url).toContain(retitled);
  }
});
