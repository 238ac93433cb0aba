/**
 * Request ids on route handlers (lib/http/with-request.ts) and on every route of app/: the id is honoured or made,
 * returned in X-Request-Id, and it is the context of everything the handler runs (so of every line it logs).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withRequest } from "@/lib/http/with-request";
import { currentRequestId } from "@/lib/log/context";
import { logger } from "@/lib/log/logger";

const ROOT = path.resolve(import.meta.dirname, "../..");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("withRequest", () => {
  const seen: Array<string | undefined> = [];
  const handler = withRequest(async (request: Request) => {
    seen.push(currentRequestId());
    return new Response("ok", { status: request.url.endsWith("/missing") ? 404 : 200 });
  });

  it("keeps a sane incoming X-Request-Id, runs the handler with it and returns it", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const response = await handler(
      new Request("http://localhost/api/x?code=secret", { headers: { "X-Request-Id": "abc-123" } }),
      {},
    );
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect(seen.at(-1)).toBe("abc-123");
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ method: "GET", path: "/api/x", status: 200, ms: expect.any(Number) }),
      "request",
    );
    // Never the query string: it may hold a sign-in code.
    expect(JSON.stringify(info.mock.calls)).not.toContain("secret");
  });

  it("replaces a missing or insane id with a new UUID", async () => {
    vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const cases: Array<Record<string, string>> = [
      {},
      { "X-Request-Id": "two words" },
      { "X-Request-Id": "x".repeat(200) },
    ];
    for (const headers of cases) {
      const response = await handler(new Request("http://localhost/api/x", { headers }), {});
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen.at(-1)).toBe(id);
    }
  });

  it("sets the header on a response whose headers are immutable", async () => {
    vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const redirect = withRequest(async () => Response.redirect("http://localhost/elsewhere", 302));
    const response = await redirect(new Request("http://localhost/a", { headers: { "X-Request-Id": "r1" } }), {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("x-request-id")).toBe("r1");
  });

  it("logs a probe only when it fails, and a handler's exception with the request", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const probe = withRequest(
      async (request: Request) => new Response(null, { status: request.url.endsWith("/down") ? 503 : 200 }),
      {
        quietWhenOk: true,
      },
    );
    await probe(new Request("http://localhost/readyz"), {});
    expect(info).not.toHaveBeenCalled();
    await probe(new Request("http://localhost/down"), {});
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }), "request");

    const failing = withRequest(async () => {
      throw new Error("boom");
    });
    await expect(failing(new Request("http://localhost/b"), {})).rejects.toThrow("boom");
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ path: "/b", err: expect.any(Error) }),
      "request failed",
    );
  });
});

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(relative);
    return /(^|\/)route\.tsx?$/.test(relative) ? [relative] : [];
  });
}

/** The builders that wrap their handlers in withRequest themselves (lib/http/handler.ts, lib/http/briefing.ts). */
const WRAPPING_BUILDERS = ["withRequest", "jsonGet", "csvGet", "briefingMarkdownGet"];

describe("every route handler of app/", () => {
  const files = routeFiles("app");

  it("includes the probes", () => {
    expect(files).toEqual(expect.arrayContaining(["app/healthz/route.ts", "app/readyz/route.ts"]));
  });

  it.each(files)("%s: every method runs through withRequest", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    expect(source, "a method exported as a plain function").not.toMatch(/^export\s+(async\s+)?function\s+[A-Z]+\b/m);
    expect(source, "a method re-exported under another name").not.toMatch(/^export\s*\{[^}]*\bas\s+[A-Z]+\b/m);
    const methods = [
      ...source.matchAll(/^export\s+const\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b[^=]*=\s*([\w.]+)/gm),
    ];
    expect(methods.length).toBeGreaterThan(0);
    for (const [, method, builder] of methods) {
      expect(builder === "preflight" || WRAPPING_BUILDERS.includes(builder ?? ""), `${method} = ${builder}…`).toBe(
        true,
      );
    }
  });
});
