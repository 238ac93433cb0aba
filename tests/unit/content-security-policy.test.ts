/**
 * The security headers (issue 5, item 6): the Content-Security-Policy of pages rendered per request (a nonce) and of
 * cached pages (the hashes of their inline scripts, added by the ISR cache handler), which pages get which, the
 * framing rule, the database-outage page's own policy, and the headers next.config.mjs sets on every answer.
 * e2e/content-security-policy.spec.ts checks them in Chromium.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { afterAll, describe, expect, it } from "vitest";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import configFor from "@/next.config.mjs";
import { hashedPagePolicy, inlineScripts, pagePolicy, sourceHash } from "@/lib/http/content-security-policy.mjs";
import CspCacheHandler, { withScriptPolicy } from "@/lib/http/csp-cache-handler.mjs";
import { CSP_HEADER, createNonce, framingOf, isRenderedPerRequest, policyForRequest } from "@/lib/http/csp";
import { UNAVAILABLE_PAGE_POLICY, unavailablePageHtml } from "@/lib/http/unavailable";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const COMMON =
  "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

describe("the policy of a page", () => {
  it("allows scripts by nonce and 'strict-dynamic' on a page rendered per request, with its framing rule", () => {
    expect(pagePolicy({ scripts: { nonce: "abc" }, framing: "none" })).toBe(
      `default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; ${COMMON}; frame-ancestors 'none'`,
    );
    expect(pagePolicy({ scripts: { nonce: "abc" }, framing: "any" })).toMatch(/; frame-ancestors \*$/);
  });

  it("allows the inline scripts of a cached page by their hashes and the app's files by 'self'", () => {
    expect(pagePolicy({ scripts: { hashes: ["'sha256-a'", "'sha256-b'"] } })).toBe(
      `default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; ${COMMON}`,
    );
  });

  it("never allows inline scripts or styles but under `next dev`, which evaluates code and injects its styles", () => {
    for (const scripts of [{ nonce: "n" }, { hashes: [] }]) {
      expect(pagePolicy({ scripts })).not.toMatch(/unsafe/);
    }
    const dev = pagePolicy({ scripts: { nonce: "n" }, dev: true });
    expect(dev).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';");
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
  });
});

describe("the hashes of a cached page", () => {
  // The shape of the App Router's HTML: external chunks, the bootstrap and the flight data inline.
  const html = [
    '<!DOCTYPE html><html lang="en-GB"><head><script src="/_next/static/chunks/a.js" async=""></script>',
    '<script src="/_next/static/chunks/b.js" noModule=""></script></head><body><p>x &lt;script&gt;</p>',
    '<script id="_R_">self.__next_r="abc"</script>',
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
    '<script>self.__next_f.push([1,"1:I[\\"x\\",[],\\"\\"]\\n"])</script>',
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
    '<SCRIPT type="application/ld+json">{"a":"é"}</SCRIPT>',
    "</body></html>",
  ].join("");

  it("finds every inline script, in order, and no external one", () => {
    expect(inlineScripts(html)).toEqual([
      'self.__next_r="abc"',
      "(self.__next_f=self.__next_f||[]).push([0])",
      'self.__next_f.push([1,"1:I[\\"x\\",[],\\"\\"]\\n"])',
      "(self.__next_f=self.__next_f||[]).push([0])",
      '{"a":"é"}',
    ]);
  });

  it("hashes each distinct one as CSP does (SHA-256 of its UTF-8 text, base64)", () => {
    expect(sourceHash("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    const scriptSrc = /script-src ([^;]*)/.exec(hashedPagePolicy(html))![1]!.split(" ");
    expect(scriptSrc).toEqual([
      "'self'",
      sha256('self.__next_r="abc"'),
      sha256("(self.__next_f=self.__next_f||[]).push([0])"),
      sha256('self.__next_f.push([1,"1:I[\\"x\\",[],\\"\\"]\\n"])'),
      sha256('{"a":"é"}'),
    ]);
  });
});

describe("the ISR cache handler", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-csp-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handler = () =>
    new (
      CspCacheHandler as unknown as new (ctx: object) => {
        get(key: string, ctx: object): Promise<{ value: { headers?: Record<string, string> } } | null>;
        set(key: string, data: object, ctx: object): Promise<void>;
      }
    )({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 10_000_000, revalidatedTags: [] });
  const ctx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
  const page = (html: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from("0:{}"),
    headers: { "x-next-cache-tags": "_N_T_/layout" } as Record<string, string>,
    status: 200,
  });

  it("gives a page it stores the policy of its HTML, on the very entry Next.js then answers with", async () => {
    const rendered = page("<script>alert(1)</script>");
    await handler().set("/en/demo", rendered, { ...ctx, cacheControl: { revalidate: 60 } });
    expect(rendered.headers[CSP_HEADER]).toBe(hashedPagePolicy("<script>alert(1)</script>"));
    const stored = await handler().get("/en/demo", ctx);
    expect(stored?.value.headers?.[CSP_HEADER]).toBe(hashedPagePolicy("<script>alert(1)</script>"));
    // A regeneration: the new HTML's policy, not the old one's.
    const again = page("<script>alert(2)</script>");
    again.headers[CSP_HEADER] = "stale";
    await handler().set("/en/demo", again, { ...ctx, cacheControl: { revalidate: 60 } });
    expect((await handler().get("/en/demo", ctx))?.value.headers?.[CSP_HEADER]).toBe(
      hashedPagePolicy("<script>alert(2)</script>"),
    );
  });

  it("gives a page prerendered by `next build` (stored without one) its policy when read", async () => {
    mkdirSync(path.join(dir, "app", "fr"), { recursive: true });
    writeFileSync(path.join(dir, "app", "fr", "built.html"), "<script>self.x=1</script>");
    writeFileSync(path.join(dir, "app", "fr", "built.rsc"), "0:{}");
    writeFileSync(path.join(dir, "app", "fr", "built.meta"), JSON.stringify({ status: 200, headers: {} }));
    const entry = await handler().get("/fr/built", ctx);
    expect(entry?.value.headers?.[CSP_HEADER]).toBe(hashedPagePolicy("<script>self.x=1</script>"));
  });

  it("leaves other entries alone", () => {
    const fetched = { kind: "FETCH", data: { body: "<script>x</script>" } };
    expect(withScriptPolicy(fetched, { fresh: true })).toEqual({ kind: "FETCH", data: { body: "<script>x</script>" } });
    expect(withScriptPolicy(null, { fresh: true })).toBeNull();
  });
});

describe("which pages get a nonce", () => {
  const perRequest = ["/w", "/w/demo/x/briefing", "/fr/w/demo", "/account", "/fr/signin", "/invite/t0k", "/demo/find"];
  const publicPages = ["/", "/fr", "/demo", "/demo/a", "/fr/demo/a/changes", "/embed/demo/a", "/demo/sources/s"];

  it("gives the workspace, account, sign-in, invitations and search a nonce, and the cached public pages none", () => {
    for (const p of perRequest) expect(isRenderedPerRequest(p), p).toBe(true);
    for (const p of publicPages) expect(isRenderedPerRequest(p), p).toBe(false);
  });

  it("gives cached public pages none, and drops a policy the client sent", () => {
    const headers = new Headers({ [CSP_HEADER]: "script-src 'nonce-forged'" });
    expect(policyForRequest("/demo/a", headers)).toBeNull();
    expect(headers.has(CSP_HEADER)).toBe(false);
  });

  it("puts the same policy, with a new nonce, on the request and the response", () => {
    const headers = new Headers({ [CSP_HEADER]: "script-src 'nonce-forged'" });
    const policy = policyForRequest("/w/demo", headers);
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'; /);
    expect(policy).toMatch(/frame-ancestors 'none'$/);
    expect(headers.get(CSP_HEADER)).toBe(policy);
    // The widget is cached: its framing comes from next.config.mjs, its scripts' hashes from the cache.
    expect(policyForRequest("/embed/demo/a", new Headers())).toBeNull();
    expect(createNonce()).not.toBe(createNonce());
  });

  it("lets only the widget be framed", () => {
    expect(["/embed/demo/a", "/fr/embed/demo/a"].map(framingOf)).toEqual(["any", "any"]);
    expect(["/demo/embed", "/demo/a", "/fr", "/embedded/x"].map(framingOf)).toEqual(["none", "none", "none", "none"]);
  });
});

describe("the database-outage page", () => {
  it("allows no script and its one style element by hash", () => {
    const html = unavailablePageHtml("en", "/demo");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(UNAVAILABLE_PAGE_POLICY).toBe(
      `default-src 'none'; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'`,
    );
    expect(html).not.toContain("<script");
  });
});

describe("the headers of every answer (next.config.mjs)", () => {
  it("sets HSTS, nosniff, the referrer policy and the framing rule, and uses the CSP cache handler", async () => {
    const nextConfig = await configFor(PHASE_PRODUCTION_SERVER);
    const rules = await nextConfig.headers!();
    const bySource = new Map(rules.map((r) => [r.source, new Map(r.headers.map((h) => [h.key, h.value]))]));
    expect(Object.fromEntries(bySource.get("/:path*")!)).toEqual({
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(Object.fromEntries(bySource.get("/:path((?!embed/|fr/embed/).*)")!)).toEqual({
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "frame-ancestors 'none'",
    });
    for (const source of ["/embed/:path*", "/fr/embed/:path*"]) {
      expect(Object.fromEntries(bySource.get(source)!)).toEqual({ "Content-Security-Policy": "frame-ancestors *" });
    }
    expect(nextConfig.cacheHandler).toBe(path.resolve(import.meta.dirname, "../../lib/http/csp-cache-handler.mjs"));
  });
});
