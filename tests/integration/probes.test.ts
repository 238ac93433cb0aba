/**
 * The probes (README, "Operations"): /healthz answers whatever the database does; /readyz answers 200 on a database
 * that answers, and 503 with Retry-After — within its 2 s deadline — on one that refuses connections and on one that
 * accepts them and then never answers.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/healthz/route";
import { GET as readyz } from "@/app/readyz/route";
import { closeDb, installDatabase } from "@/lib/db/client";
import { READINESS_TIMEOUT_MS } from "@/lib/db/ping";
import { createPgliteDatabase, type TestDatabase } from "../support/databases";

const probe = (handler: typeof readyz, path: string) =>
  handler(new Request(`http://localhost${path}`, { headers: { "X-Request-Id": "probe-test" } }), {});

async function withDatabaseUrl<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await closeDb();
  }
}

describe("with a database that answers", () => {
  let db: TestDatabase;
  let restore: () => void;
  beforeAll(async () => {
    db = await createPgliteDatabase();
    restore = installDatabase(db.database);
  });
  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("both answer 200, never cached, with the request id", async () => {
    for (const [handler, path, body] of [
      [healthz, "/healthz", { status: "ok" }],
      [readyz, "/readyz", { status: "ready" }],
    ] as const) {
      const response = await probe(handler, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("x-request-id")).toBe("probe-test");
      expect(await response.json()).toEqual(body);
    }
  });
});

describe("with a database that does not answer", () => {
  let silent: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and never says a word: a server that hangs, or a network that drops packets.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterEach(() => {
    for (const socket of sockets) socket.destroy();
  });
  afterAll(async () => {
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    ["refuses connections", () => "postgres://accordwatch@127.0.0.1:9/accordwatch"],
    ["hangs", () => `postgres://accordwatch@127.0.0.1:${port}/accordwatch`],
  ])("/readyz answers 503 with Retry-After within its deadline when the database %s", async (_how, url) => {
    await withDatabaseUrl(url(), async () => {
      const started = performance.now();
      const response = await probe(readyz, "/readyz");
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "unavailable" });
      expect(elapsed).toBeLessThan(READINESS_TIMEOUT_MS + 500);

      // /healthz does not care.
      expect((await probe(healthz, "/healthz")).status).toBe(200);
    });
  });
});
