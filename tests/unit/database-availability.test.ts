/**
 * How the process tells a database outage from any other failure, and when it finds the server again
 * (lib/db/availability.ts, lib/db/errors.ts). The probe is a function the test controls; the clock is Vitest's.
 * tests/integration/database-outage.test.ts does the same against a real PostgreSQL stopped and started.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseAvailability, PROBE_INTERVAL_MS, SLOW_STATEMENT_MS } from "@/lib/db/availability";
import { connectionFailureReason, DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/errors";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

/** A probe that fails while `down` is true. */
function server() {
  const state = { down: false, probes: 0 };
  const probe = async () => {
    state.probes++;
    if (state.down) throw refused;
  };
  return { state, availability: new DatabaseAvailability({ key: "test", label: "test database", probe }) };
}

describe("connectionFailureReason", () => {
  it.each([
    ["a socket error", refused, "connection refused"],
    [
      "a server shutting down",
      { code: "57P01", message: "terminating connection due to administrator command" },
      "terminating connection due to administrator command",
    ],
    ["pg's connect timeout", new Error("timeout expired"), "no answer within 2 s"],
    [
      "pg-pool's connect timeout",
      new Error("Connection terminated due to connection timeout", { cause: new Error("timeout expired") }),
      "no answer within 2 s",
    ],
    ["pg's query timeout", new Error("Query read timeout"), "the server stopped answering"],
    ["a lost connection", new Error("Connection terminated unexpectedly"), "the connection was closed"],
    [
      "@prisma/adapter-pg's error",
      Object.assign(new Error("DatabaseNotReachable"), {
        name: "DriverAdapterError",
        cause: { kind: "DatabaseNotReachable" },
      }),
      "server unreachable",
    ],
    ["Prisma's error", { code: "P1001", message: "Can't reach database server" }, "server unreachable"],
    [
      "Prisma's error over the adapter's",
      {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", message: "terminating" } } },
      },
      "terminating",
    ],
    ["an error wrapping one", new Error("failed", { cause: refused }), "connection refused"],
  ])("recognises %s", (_, error, reason) => {
    expect(connectionFailureReason(error)).toBe(reason);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["an SQL error", { code: "23505", message: "duplicate key value" }],
    ["a bug", new TypeError("x is undefined")],
    // A full pool (lib/db/client.ts, POOL_ACQUIRE_TIMEOUT_MS): the process is busy, the server is not gone.
    ["pg-pool's wait for a free connection", new Error("timeout exceeded when trying to connect")],
    ["nothing", undefined],
  ])("leaves out %s", (_, error) => {
    expect(connectionFailureReason(error)).toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("knows a DatabaseUnavailableError made by another copy of its module (another route's bundle)", () => {
    const fromElsewhere = Object.assign(new Error("down"), {
      [Symbol.for("accordwatch.db.DatabaseUnavailableError")]: true,
    });
    expect(fromElsewhere instanceof DatabaseUnavailableError).toBe(true);
    expect(new Error("down") instanceof DatabaseUnavailableError).toBe(false);
  });
});

describe("DatabaseAvailability", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("ignores failures that are not lost connections", async () => {
    const { state, availability } = server();
    availability.failed(new TypeError("a bug"));
    await vi.runAllTimersAsync();
    expect(state.probes).toBe(0);
    expect(availability.outage).toBeNull();
  });

  it("probes once on a lost connection, and stays available when the server answers the probe", async () => {
    const { state, availability } = server();
    availability.failed(refused);
    availability.failed(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.probes).toBe(1);
    expect(availability.outage).toBeNull();
    expect(() => availability.assertAvailable()).not.toThrow();
  });

  it("records an outage when the probe fails, refuses at once meanwhile, and ends it when a probe succeeds", async () => {
    const { state, availability } = server();
    state.down = true;
    availability.failed(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(availability.outage?.reason).toBe("connection refused");
    expect(() => availability.assertAvailable()).toThrow(DatabaseUnavailableError);
    // One probe a second while it is down, none in between.
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(state.probes).toBe(4);
    state.down = false;
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS);
    expect(availability.outage).toBeNull();
    expect(() => availability.assertAvailable()).not.toThrow();
    // Back: no more probes.
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 5);
    expect(state.probes).toBe(5);
  });

  it("ends an outage when a statement succeeds", async () => {
    const { state, availability } = server();
    state.down = true;
    await availability.check();
    expect(availability.outage).not.toBeNull();
    availability.succeeded();
    expect(availability.outage).toBeNull();
  });

  it("probes when a statement is slow, and abandons pooled statements (only) when the server is found down", async () => {
    const { state, availability } = server();
    const never = new Promise<never>(() => undefined);
    const pooled = availability.watch(never, true);
    const inTransaction = availability.watch(never, false);
    let transactionSettled = false;
    void inTransaction.finally(() => (transactionSettled = true)).catch(() => undefined);
    const abandoned = expect(pooled).rejects.toBeInstanceOf(DatabaseUnavailableError);
    state.down = true;
    await vi.advanceTimersByTimeAsync(SLOW_STATEMENT_MS - 1);
    expect(state.probes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.probes).toBe(1);
    await abandoned;
    expect(transactionSettled).toBe(false);
  });

  it("leaves a quick statement alone", async () => {
    const { state, availability } = server();
    await expect(availability.watch(Promise.resolve(42), true)).resolves.toBe(42);
    await vi.advanceTimersByTimeAsync(SLOW_STATEMENT_MS * 2);
    expect(state.probes).toBe(0);
  });

  it("stops probing once closed", async () => {
    const { state, availability } = server();
    state.down = true;
    await availability.check();
    availability.close();
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(state.probes).toBe(1);
  });
});
