/**
 * deploy/nginx/accordwatch.conf.template, run for real (deploy/README.md, "nginx"): this file renders it with free
 * ports and a temporary cache folder, starts /usr/sbin/nginx on it in front of two small HTTP servers standing in for
 * two `next start` instances, and checks what the cache does with the headers the app sends:
 * - public pages (`Cache-Control: s-maxage=1, stale-while-revalidate=…`, what the ISR pages send): from the cache
 *   within their second, refreshed after it, the stale copy served at once while one request refreshes it; with the
 *   app's `X-Accel-Expires: @<second>`, kept only to the end of that second, the header not passed on;
 * - a request with NextAuth's session cookie goes to the app and is not stored; signed-in pages (`private, no-store`),
 *   answers that set a cookie and 5xx answers are never stored, and a stale copy stands in while the app errors;
 * - the client's x-middleware-subrequest (CVE-2025-29927) and X-Forwarded-For never reach the app; Host, the
 *   forwarding headers and gzip; `_next/static` kept; both instances used, one down is not an error.
 * The stand-ins count what reaches them, so "from the cache" is proved by the app not being asked. Everything (nginx,
 * servers, folder) is stopped and removed at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http, { type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderNginxConfig } from "@/deploy/nginx/render";
import { SHARED_CACHE_EXPIRY_HEADER, sharedCacheExpiry } from "@/lib/http/cache-control";
import { SHARED_CACHE_HEADER } from "@/lib/http/cached-answer.mjs";

import { freePort } from "../support/postgres";

/** What the ISR pages send (Next.js for `revalidate = 1`), and what the dynamic, signed-in pages send. */
const PUBLIC = "s-maxage=1, stale-while-revalidate=31535999";
const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";
const STATIC = "public, max-age=31536000, immutable";
/** ~12 KB: more than nginx's default proxy_buffer_size (one memory page) holds for an answer's headers. */
const LONG_POLICY = `default-src 'self'; script-src 'self' ${Array.from(
  { length: 240 },
  (_, i) => `'sha256-${String(i).padStart(43, "x")}='`,
).join(" ")}`;

/** Debian's nginx; like the PostgreSQL binaries, a prerequisite of the integration tests (README, "Prerequisites"). */
function findNginx(): string {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      "The integration tests need nginx (deploy/nginx is run for real), and none was found in /usr/sbin or " +
        "/usr/bin. Install it with: apt-get update && apt-get install -y nginx",
    );
  }
  return found;
}

interface Seen {
  readonly instance: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** Two stand-ins for `next start`, each answering by the address's first segment (see `answer`). */
class Upstreams {
  readonly seen: Seen[] = [];
  readonly renders = new Map<string, number>();
  /** Addresses under /flaky/ answer 500 while this holds. */
  failing = false;
  readonly servers: http.Server[] = [];

  /** How many times the app was asked for `path`. */
  count(path: string): number {
    return this.renders.get(path) ?? 0;
  }

  async start(names: readonly string[]): Promise<number[]> {
    const ports: number[] = [];
    for (const name of names) {
      const server = http.createServer((request, response) => this.answer(name, request, response));
      server.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      this.servers.push(server);
      ports.push((server.address() as { port: number }).port);
    }
    return ports;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      }),
    );
  }

  private answer(instance: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    const pathname = new URL(request.url ?? "/", "http://upstream").pathname;
    this.seen.push({ instance, path: pathname, headers: request.headers });
    const render = this.count(pathname) + 1;
    this.renders.set(pathname, render);
    const body = `${pathname} render ${render} by ${instance}\n`;
    const send = (status: number, headers: Record<string, string>, text = body) => {
      response.writeHead(status, { "Content-Type": "text/html; charset=utf-8", ...headers });
      response.end(text);
    };
    const kind = pathname.split("/")[1];
    switch (kind) {
      case "public":
        return send(200, { "Cache-Control": PUBLIC });
      case "to-the-second":
        // What proxy.ts adds to the public pages: kept to the end of the second this answer is made in.
        return send(200, {
          "Cache-Control": PUBLIC,
          [SHARED_CACHE_EXPIRY_HEADER]: sharedCacheExpiry(Date.now()),
        });
      case "slow":
        // The first rendering is quick; every later one (a refresh) takes a second.
        setTimeout(() => send(200, { "Cache-Control": PUBLIC }), render === 1 ? 0 : 1_000);
        return;
      case "private":
        return send(200, { "Cache-Control": PRIVATE });
      case "cookie":
        return send(200, { "Cache-Control": PUBLIC, "Set-Cookie": "accordwatch-test=1; Path=/; HttpOnly" });
      case "broken":
        return send(500, {});
      case "broken-cacheable":
        // A 5xx that claims to be cacheable is still never stored.
        return send(503, { "Cache-Control": "s-maxage=60", "Retry-After": "30" });
      case "flaky":
        return this.failing ? send(500, { "Cache-Control": "no-store" }) : send(200, { "Cache-Control": PUBLIC });
      case "long-header":
        // A long page's Content-Security-Policy: a hash per inline script (~50 bytes each; 240 of them here).
        return send(200, { "Cache-Control": PUBLIC, "Content-Security-Policy": LONG_POLICY });
      case "_next":
        return send(200, { "Cache-Control": STATIC, "Content-Type": "application/javascript" }, "x".repeat(5_000));
      default:
        return send(404, { "Cache-Control": PRIVATE });
    }
  }
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Long enough for a 1-second entry to have expired: nginx counts in whole seconds (an entry stored at 10.9 s for 1 s
 * is fresh until 12.0 s), so a page is kept between 1 and 2 s.
 */
const EXPIRED_MS = 2_100;

describe("the deploy nginx configuration, run by nginx", () => {
  const upstreams = new Upstreams();
  let dir: string;
  let port: number;
  let nginx: ChildProcess | undefined;
  let log = "";
  const stopNginx = () => nginx?.kill("SIGTERM");

  /** One GET through nginx, on a fresh connection; the body as text (gunzipped when gzip). */
  function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.get(
        { host: "127.0.0.1", port, path: pathname, agent: false, headers: { Host: "accordwatch.test", ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: body.toString("utf8"),
              ms: performance.now() - started,
            });
          });
        },
      );
      request.on("error", reject);
    });
  }

  beforeAll(async () => {
    const ports = await upstreams.start(["a", "b"]);
    dir = await mkdtemp(path.join(tmpdir(), "accordwatch-nginx-"));
    port = await freePort();
    const site = renderNginxConfig({
      listen: `127.0.0.1:${port}`,
      serverName: "accordwatch.test",
      upstreams: ports.map((p) => `127.0.0.1:${p}`),
      cacheDir: path.join(dir, "cache"),
    });
    await writeFile(path.join(dir, "accordwatch.conf"), site);
    // The main file a distribution's nginx.conf would be, with every path in the temporary folder. As root, the
    // workers run as root too, so that they may write the folder (mkdtemp makes it 0700).
    const root = typeof process.getuid === "function" && process.getuid() === 0;
    const temp = (name: string) => path.join(dir, name);
    await writeFile(
      path.join(dir, "nginx.conf"),
      [
        root ? "user root;" : "",
        "daemon off;",
        "worker_processes 1;",
        `pid ${temp("nginx.pid")};`,
        `error_log ${temp("error.log")} warn;`,
        "events { worker_connections 256; }",
        "http {",
        "  include /etc/nginx/mime.types;",
        "  access_log off;",
        `  client_body_temp_path ${temp("body")}; proxy_temp_path ${temp("proxy")};`,
        `  fastcgi_temp_path ${temp("fastcgi")}; uwsgi_temp_path ${temp("uwsgi")}; scgi_temp_path ${temp("scgi")};`,
        `  include ${temp("accordwatch.conf")};`,
        "}",
        "",
      ].join("\n"),
    );
    process.once("exit", stopNginx);
    nginx = spawn(findNginx(), ["-p", dir, "-c", temp("nginx.conf"), "-e", temp("error.log")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    nginx.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    nginx.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    // Ready once it accepts connections.
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${log}`);
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(port, "127.0.0.1", () => resolve(true));
        socket.on("error", () => resolve(false));
        socket.setTimeout(500, () => resolve(false));
        socket.on("connect", () => socket.end());
      });
      if (open) break;
      if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}: ${log}`);
      await sleep(50);
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once("exit", resolve));
      nginx.kill("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
    }
    process.removeListener("exit", stopNginx);
    await upstreams.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves a public page from the cache within its second, and a fresh one after it", async () => {
    const first = await get("/public/scorecard");
    expect(first.status).toBe(200);
    expect(first.headers["x-cache-status"]).toBe("MISS");
    const within = await Promise.all(Array.from({ length: 20 }, () => get("/public/scorecard")));
    for (const answer of within) {
      expect(answer.headers["x-cache-status"]).toBe("HIT");
      expect(answer.body).toBe(first.body);
    }
    // The app was asked once for 21 requests.
    expect(upstreams.count("/public/scorecard")).toBe(1);

    await sleep(EXPIRED_MS);
    // Expired: this request gets the stale copy at once and starts the refresh in the background…
    const expired = await get("/public/scorecard");
    expect(expired.headers["x-cache-status"]).toBe("STALE");
    expect(expired.body).toContain("render 1");
    // …after which the cache holds the new rendering.
    await sleep(200);
    const refreshed = await get("/public/scorecard");
    expect(refreshed.headers["x-cache-status"]).toBe("HIT");
    expect(refreshed.body).toContain("render 2");
    expect(upstreams.count("/public/scorecard")).toBe(2);
  });

  it("passes on and keeps a page whose headers are long (a long page's script hashes), not a 502", async () => {
    const first = await get("/long-header/changes");
    expect(first.status).toBe(200);
    expect(first.headers["content-security-policy"]).toBe(LONG_POLICY);
    const second = await get("/long-header/changes");
    expect(second.headers["x-cache-status"]).toBe("HIT");
    expect(second.headers["content-security-policy"]).toBe(LONG_POLICY);
  });

  it("keeps a page sent with X-Accel-Expires to the end of its second, and does not pass the header on", async () => {
    // Just after a second begins (nginx and this process read the same clock), so that the first two requests fall
    // in one second: a clock boundary, not a race.
    const untilNextSecond = () => sleep(1_000 - (Date.now() % 1_000) + 20);
    await untilNextSecond();
    const first = await get("/to-the-second/scorecard");
    expect(first.headers["x-cache-status"]).toBe("MISS");
    expect(first.headers[SHARED_CACHE_EXPIRY_HEADER.toLowerCase()]).toBeUndefined();
    const within = await get("/to-the-second/scorecard");
    expect(within.headers["x-cache-status"]).toBe("HIT");
    expect(upstreams.count("/to-the-second/scorecard")).toBe(1);
    // The next second, it is expired (with s-maxage=1 alone it would still be fresh): the stale copy, and a refresh.
    await untilNextSecond();
    const next = await get("/to-the-second/scorecard");
    expect(next.headers["x-cache-status"]).toBe("STALE");
    expect(next.body).toContain("render 1");
  });

  it("serves the stale copy at once while a slow refresh runs, and asks the app once", async () => {
    await get("/slow/scorecard");
    await sleep(EXPIRED_MS);
    // The refresh takes the app a second; nobody waits for it.
    const answers = await Promise.all([get("/slow/scorecard"), sleep(100).then(() => get("/slow/scorecard"))]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("render 1");
      expect(answer.ms).toBeLessThan(500);
    }
    expect(answers.map((a) => a.headers["x-cache-status"]).sort()).toEqual(["STALE", "UPDATING"]);
    await sleep(EXPIRED_MS);
    const after = await get("/slow/scorecard");
    expect(after.body).toContain("render 2");
    expect(upstreams.count("/slow/scorecard")).toBe(2);
  });

  it("sends a request with a session cookie to the app, and keeps none of its answer", async () => {
    const anonymous = await get("/public/org");
    expect(anonymous.headers["x-cache-status"]).toBe("MISS");
    for (const cookie of [
      "next-auth.session-token=eyJhbGciOi",
      "NEXT_LOCALE=fr; __Secure-next-auth.session-token=eyJhbGciOi",
      "__Secure-next-auth.session-token.0=eyJhbGciOi; __Secure-next-auth.session-token.1=more",
    ]) {
      const signedIn = await get("/public/org", { Cookie: cookie });
      expect(signedIn.headers["x-cache-status"]).toBe("BYPASS");
    }
    expect(upstreams.count("/public/org")).toBe(4);
    // The anonymous copy is still the first one: no signed-in answer was stored.
    const again = await get("/public/org");
    expect(again.headers["x-cache-status"]).toBe("HIT");
    expect(again.body).toBe(anonymous.body);
    // Other cookies (or a look-alike name) are not a session.
    for (const cookie of ["theme=dark", "not-next-auth.session-token=1"]) {
      expect((await get("/public/org", { Cookie: cookie })).headers["x-cache-status"]).toBe("HIT");
    }
  });

  it("never stores a signed-in page, an answer that sets a cookie, or a 5xx", async () => {
    for (const pathname of ["/private/workspace", "/cookie/signin", "/broken/page", "/broken-cacheable/page"]) {
      const first = await get(pathname);
      const second = await get(pathname);
      expect(first.headers["x-cache-status"]).toBe("MISS");
      expect(second.headers["x-cache-status"]).toBe("MISS");
      expect(second.body).toContain("render 2");
    }
    expect((await get("/cookie/signin")).headers["set-cookie"]).toEqual(["accordwatch-test=1; Path=/; HttpOnly"]);
    expect((await get("/broken/page")).status).toBe(500);
    expect((await get("/broken-cacheable/page")).status).toBe(503);
  });

  it("serves the stale copy of a public page while the app errors, and the new one once it answers", async () => {
    expect((await get("/flaky/scorecard")).body).toContain("render 1");
    upstreams.failing = true;
    try {
      await sleep(EXPIRED_MS);
      for (let i = 0; i < 3; i++) {
        const answer = await get("/flaky/scorecard");
        expect(answer.status).toBe(200);
        expect(answer.body).toContain("render 1");
        await sleep(150);
      }
      // The app was asked again (and answered 500, which was not stored).
      expect(upstreams.count("/flaky/scorecard")).toBeGreaterThan(1);
    } finally {
      upstreams.failing = false;
    }
    await sleep(EXPIRED_MS);
    await get("/flaky/scorecard");
    await sleep(200);
    const recovered = await get("/flaky/scorecard");
    expect(recovered.status).toBe(200);
    expect(recovered.body).not.toContain("render 1");
  });

  it("never passes on the client's x-middleware-subrequest or X-Forwarded-For; passes Host and the protocol", async () => {
    await get("/public/headers", {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      "x-now-route-matches": "1",
      "X-Forwarded-For": "203.0.113.66",
      "X-Forwarded-Host": "evil.example",
      "Accept-Encoding": "gzip",
    });
    const seen = upstreams.seen.filter((s) => s.path === "/public/headers");
    expect(seen).toHaveLength(1);
    const headers = seen[0]!.headers;
    expect(headers["x-middleware-subrequest"]).toBeUndefined();
    expect(headers["x-now-route-matches"]).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-real-ip"]).toBe("127.0.0.1");
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-host"]).toBe("accordwatch.test");
    expect(headers.host).toBe("accordwatch.test");
    // nginx compresses; the app is asked for the plain page, stored once for every encoding.
    expect(headers["accept-encoding"]).toBeUndefined();
    // Next.js's own answer, with its Content-Length, rather than the app's proxy's chunked one.
    expect(headers[SHARED_CACHE_HEADER]).toBe("1");
  });

  it("keeps _next/static, and compresses for clients that accept gzip", async () => {
    const first = await get("/_next/static/chunks/app.js", { "Accept-Encoding": "gzip" });
    const second = await get("/_next/static/chunks/app.js", { "Accept-Encoding": "gzip" });
    expect(first.headers["x-cache-status"]).toBe("MISS");
    expect(second.headers["x-cache-status"]).toBe("HIT");
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(second.headers["cache-control"]).toBe(STATIC);
    expect(second.body).toBe("x".repeat(5_000));
    expect((await get("/_next/static/chunks/app.js")).headers["content-encoding"]).toBeUndefined();
  });

  it("shares requests out between the instances, and goes on when one of them is down", async () => {
    const before = upstreams.seen.length;
    for (let i = 0; i < 6; i++) await get(`/private/spread-${i}`);
    const instances = new Set(upstreams.seen.slice(before).map((s) => s.instance));
    expect([...instances].sort()).toEqual(["a", "b"]);

    const b = upstreams.servers[1]!;
    b.closeAllConnections();
    await new Promise((resolve) => b.close(resolve));
    for (let i = 0; i < 4; i++) {
      const answer = await get(`/private/down-${i}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("by a");
    }
  });
});
