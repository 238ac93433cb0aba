/**
 * The logger (lib/log): one JSON object per line, the request id of the request being handled on every line, and no
 * secret ever written — the values of NEXTAUTH_SECRET and DATABASE_URL's password, passwords, session tokens and
 * cookies are fed through it here, in fields, in messages and inside errors, and must not come out.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runWithRequestContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";
import { REDACTED, redactText, secretValues } from "@/lib/log/redact";
import { isSaneRequestId, requestIdFrom } from "@/lib/log/request-id";

const NEXTAUTH_SECRET = "s3cr3t-NextAuth-value-0123456789abcdef";
const DB_PASSWORD = "pg-Pa55word/with%chars";
const DATABASE_URL = `postgres://accordwatch:${encodeURIComponent(DB_PASSWORD)}@db.internal:5432/accordwatch`;
const OIDC_CLIENT_SECRET = "oidc-client-secret-XYZ987";
const SESSION_TOKEN =
  "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Yq1b2c3d4e5f6g7h.aGVsbG8td29ybGQtc2Vzc2lvbi10b2tlbg.XyZ0123456789abcdEFGH";
const USER_PASSWORD = "correct horse battery staple";

const env = { NEXTAUTH_SECRET, DATABASE_URL, OIDC_CLIENT_SECRET, PATH: "/usr/bin", NODE_ENV: "production" };
const SECRETS = [NEXTAUTH_SECRET, DB_PASSWORD, encodeURIComponent(DB_PASSWORD), OIDC_CLIENT_SECRET, SESSION_TOKEN];

function capture(): {
  lines: () => Record<string, unknown>[];
  raw: () => string;
  logger: ReturnType<typeof createLogger>;
} {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString("utf8");
      callback();
    },
  });
  const logger = createLogger({ destination: stream, level: "debug", secrets: secretValues(env) });
  return {
    logger,
    raw: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function expectNoSecret(text: string): void {
  for (const secret of [...SECRETS, USER_PASSWORD]) expect(text).not.toContain(secret);
}

describe("the logger", () => {
  it("blanks a webhook endpoint's secret wherever it appears", () => {
    const secret = "whsec_Q2hhbmdlIHRoaXMgc2VjcmV0IGluIHRoZSB0ZXN0cw";
    const log = capture();
    log.logger.warn({ detail: `signing with ${secret}` }, `endpoint secret ${secret}`);
    expect(log.raw()).not.toContain(secret);
    expect(redactText(`key=${secret}`)).not.toContain(secret);
  });

  it("writes one JSON object per line with time, level, message and fields", () => {
    const log = capture();
    log.logger.info({ path: "/healthz", status: 200 }, "request");
    log.logger.warn("second");
    const [first, second] = log.lines();
    expect(first).toMatchObject({ level: "info", msg: "request", path: "/healthz", status: 200 });
    expect(new Date(String(first?.time)).toISOString()).toBe(first?.time);
    expect(second).toMatchObject({ level: "warn", msg: "second" });
    expect(log.raw().trimEnd().split("\n")).toHaveLength(2);
  });

  it("puts the request id of the request being handled on every line, and none outside a request", async () => {
    const log = capture();
    await runWithRequestContext({ requestId: "req-123" }, async () => {
      log.logger.info("before");
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.logger.error(new Error("after an await"));
    });
    log.logger.info("outside");
    expect(log.lines().map((line) => line.requestId)).toEqual(["req-123", "req-123", undefined]);
  });

  it("never writes a password, a session token, a cookie, NEXTAUTH_SECRET or DATABASE_URL's password", () => {
    const log = capture();
    log.logger.info({ email: "a@example.org", password: USER_PASSWORD }, "sign-in attempt");
    log.logger.info({ credentials: { email: "a@example.org", password: USER_PASSWORD } }, "nested");
    log.logger.info(
      { headers: new Headers({ cookie: `next-auth.session-token=${SESSION_TOKEN}`, authorization: "Bearer abc" }) },
      "headers object",
    );
    log.logger.info({ sessionToken: SESSION_TOKEN, token: { jwt: SESSION_TOKEN } }, "token fields");
    log.logger.warn(`Cannot reach ${DATABASE_URL} (connection refused)`);
    log.logger.warn("secret %s interpolated", NEXTAUTH_SECRET);
    log.logger.info({ config: { url: DATABASE_URL, clientSecret: OIDC_CLIENT_SECRET } }, "configuration");
    log.logger.info({ note: `the cookie header was: Cookie: __Secure-next-auth.session-token=${SESSION_TOKEN}` });
    log.logger.info({ query: `code=abc&client_secret=${OIDC_CLIENT_SECRET}&state=xyz` }, "callback");
    log.logger.info({ body: JSON.stringify({ email: "a@example.org", password: USER_PASSWORD }) }, "json text");
    log.logger.info({ detail: `the secret is ${NEXTAUTH_SECRET} and the token ${SESSION_TOKEN}` }, "free text");

    const cause = new Error(`connect ECONNREFUSED for ${DATABASE_URL}`);
    const error = Object.assign(new Error(`query failed with password=${DB_PASSWORD}`, { cause }), {
      code: "28P01",
      connectionString: DATABASE_URL,
    });
    log.logger.error({ err: error }, "database failure");
    log.logger.error(error);

    const raw = log.raw();
    expectNoSecret(raw);
    const lines = log.lines();
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatchObject({ email: "a@example.org", password: REDACTED });
    expect(lines[2]?.headers).toEqual({ cookie: REDACTED, authorization: REDACTED });
    expect(lines[4]?.msg).toBe(
      `Cannot reach postgres://accordwatch:${REDACTED}@db.internal:5432/accordwatch (connection refused)`,
    );
    const logged = lines[11]?.err as Record<string, unknown>;
    expect(logged).toMatchObject({ type: "Error", code: "28P01", connectionString: expect.stringContaining(REDACTED) });
    expect(String(logged.stack)).toContain("Error: query failed");
    expect((logged.cause as Record<string, unknown>).message).toContain(REDACTED);
    // What is not secret stays readable.
    expect(raw).toContain("db.internal:5432/accordwatch");
    expect(raw).toContain("a@example.org");
  });

  it("finds the secrets of an environment: secret-named variables and URL passwords, raw and decoded", () => {
    expect(secretValues(env).sort()).toEqual(
      [NEXTAUTH_SECRET, OIDC_CLIENT_SECRET, encodeURIComponent(DB_PASSWORD), DB_PASSWORD].sort(),
    );
    expect(secretValues({ NEXTAUTH_SECRET: "short" })).toEqual([]);
    expect(redactText("mysql://u:p@h/db and https://example.org/x?password=hunter2hunter2")).toBe(
      `mysql://u:${REDACTED}@h/db and https://example.org/x?password=${REDACTED}`,
    );
  });
});

describe("request ids", () => {
  it.each([
    ["3f1c2a9e-6f0b-4a53-9a3b-1d2e3f4a5b6c", true],
    ["0123456789abcdef0123456789abcdef", true],
    ["Root=1-67891233-abcdef012345678912345678", true],
    ["", false],
    ["has space", false],
    ['quote"', false],
    ["line\nbreak", false],
    ["a".repeat(129), false],
    ["-leading-dash", false],
  ])("%j is sane: %s", (value, sane) => {
    expect(isSaneRequestId(value)).toBe(sane);
  });

  it("keeps a sane incoming id and makes a UUID otherwise", () => {
    expect(requestIdFrom("abc-123")).toBe("abc-123");
    expect(requestIdFrom("bad id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
