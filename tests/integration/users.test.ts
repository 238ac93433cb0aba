/**
 * Accounts and signing in through the data layer, on both databases: password rules, case-insensitive unique emails,
 * the sign-in limits per account and per address (kept in the database, so a new client still sees them), what
 * signing in leaves in the audit log, and session tokens turned back into viewers.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthOptions } from "next-auth";
import { getAuthOptions, OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, systemViewer, type Viewer } from "@/lib/auth/viewer";
import { ValidationError } from "@/lib/data/errors";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "@/lib/data/rate-limit";
import { createUser, getSessionUser, getViewerForUser, signOutEverywhere, verifyCredentials } from "@/lib/data/users";
import { createClient, installDatabase, type Database } from "@/lib/db/client";
import {
  createEmptyPostgresDatabase,
  createPgliteDatabase,
  createPostgresDatabase,
  TEST_CONNECT_TIMEOUT_MS,
  type TestDatabase,
} from "../support/databases";

const cli = systemViewer("cli:test");

type Callbacks = Required<NonNullable<AuthOptions["callbacks"]>>;
type SignInParams = Parameters<Callbacks["signIn"]>[0];
type JwtParams = Parameters<Callbacks["jwt"]>[0];

/** The NextAuth options as configured with single sign-on (read from the environment on first use). */
function optionsWithSingleSignOn(): Callbacks {
  process.env.OIDC_ISSUER ??= "https://id.example.org";
  process.env.OIDC_CLIENT_ID ??= "accordwatch";
  process.env.OIDC_CLIENT_SECRET ??= "not-a-real-secret";
  const options = getAuthOptions();
  expect(options.providers.map((p) => p.id)).toEqual(["credentials", OIDC_PROVIDER_ID]);
  return options.callbacks as Callbacks;
}
const PASSWORD = "correct horse battery staple";

/** Unique per call: tests share one database and must not share counters. */
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const newEmail = () => `${unique("user")}@example.org`;
const newAddress = () => `192.0.2.${Math.floor(Math.random() * 250)}-${unique("a")}`;

/** How a database is opened a second time, by a new client: the way a restarted or second app instance sees it. */
interface Engine {
  readonly db: TestDatabase;
  /** A new client on the same database. The first one may be closed by this (PGlite: one client per folder). */
  reopen(): Promise<Database>;
  cleanup(): Promise<void>;
}

const engines: Array<[string, () => Promise<Engine>]> = [
  [
    "PGlite",
    async () => {
      // In a folder, not in memory: the database has to outlive its first client.
      const db = await createPgliteDatabase({ storage: "folder" });
      let second: Database | undefined;
      return {
        db,
        reopen: async () => {
          await db.database.close();
          second = await createClient({ kind: "embedded", dataDir: db.dataDir });
          return second;
        },
        cleanup: async () => {
          await second?.close();
          await db.database.close().catch(() => undefined);
          await rm(db.dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const db = await createPostgresDatabase();
      let second: Database | undefined;
      return {
        db,
        reopen: async () => {
          second = await createClient({ kind: "postgres", url: db.url }, { connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
          return second;
        },
        cleanup: async () => {
          await second?.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(engines)("users and signing in on %s", (_name, open) => {
  let engine: Engine;
  let restore: () => void = () => {};

  beforeAll(async () => {
    engine = await open();
    restore = installDatabase(engine.db.database);
    await engine.db.prisma.organisation.createMany({
      data: [
        { slug: "alpha", name: "Alpha Institute" },
        { slug: "beta", name: "Beta Committee" },
      ],
    });
  });

  afterAll(async () => {
    restore();
    await engine?.cleanup();
  });

  const prisma = () => engine.db.prisma;

  async function newUser(memberships: Array<{ organisation: string; role: "ADMIN" | "EDITOR" | "REVIEWER" }> = []) {
    const email = newEmail();
    const user = await createUser(cli, { email, name: "Ada Example", password: PASSWORD, memberships });
    return { ...user, email };
  }

  describe("createUser", () => {
    it("stores the email trimmed and lower-cased, and an argon2id hash rather than the password", async () => {
      const email = newEmail();
      const created = await createUser(cli, { email: `  ${email.toUpperCase()} `, name: " Ada ", password: PASSWORD });
      expect(created).toMatchObject({ email, name: "Ada" });
      const row = await prisma().user.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(PASSWORD);
    });

    it("writes a user.create audit event, and one per membership, without the hash", async () => {
      const user = await newUser([{ organisation: "alpha", role: "EDITOR" }]);
      const events = await prisma().auditEvent.findMany({
        where: {
          OR: [{ entityId: user.id }, { action: "membership.create", after: { path: ["userId"], equals: user.id } }],
        },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => [e.action, e.actor])).toEqual([
        ["user.create", "cli:test"],
        ["membership.create", "cli:test"],
      ]);
      expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("argon2");
      const alpha = await prisma().organisation.findUniqueOrThrow({ where: { slug: "alpha" } });
      expect(events[1]?.organisationId).toBe(alpha.id);
    });

    it("refuses a password shorter than 12 characters, with the message on the field, and writes nothing", async () => {
      const email = newEmail();
      const before = await prisma().auditEvent.count();
      const error = await createUser(cli, { email, name: "Short", password: "elevenchars" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.password).toEqual(["Use at least 12 characters."]);
      expect(await prisma().user.findUnique({ where: { email } })).toBeNull();
      expect(await prisma().auditEvent.count()).toBe(before);
    });

    it("refuses an email that already has an account, whatever its case", async () => {
      const { email } = await newUser();
      const error = await createUser(cli, { email: email.toUpperCase(), name: "Twin", password: PASSWORD }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.email).toEqual(["There is already an account for this email."]);
      expect(await prisma().user.count({ where: { email } })).toBe(1);
    });

    it("refuses an invalid email with a message on the field", async () => {
      const error = await createUser(cli, { email: "not-an-email", name: "X", password: PASSWORD }).catch(
        (e: unknown) => e,
      );
      expect((error as ValidationError).fieldErrors.email?.[0]).toMatch(/email address/);
    });

    it("is refused to anyone but the command line", async () => {
      await expect(createUser(ANONYMOUS, { email: newEmail(), name: "X", password: PASSWORD })).rejects.toThrow(
        ForbiddenError,
      );
    });
  });

  describe("verifyCredentials", () => {
    it("accepts the right password, whatever the email's case, and refuses a wrong one", async () => {
      const user = await newUser();
      const address = newAddress();
      expect(await verifyCredentials(user.email.toUpperCase(), PASSWORD, address)).toEqual({
        ok: true,
        userId: user.id,
      });
      expect(await verifyCredentials(user.email, `${PASSWORD}!`, address)).toEqual({ ok: false, reason: "invalid" });
    });

    it("answers an unknown email exactly as a wrong password", async () => {
      expect(await verifyCredentials(newEmail(), PASSWORD, newAddress())).toEqual({ ok: false, reason: "invalid" });
    });

    it(`refuses the account after ${ACCOUNT_LIMIT.points} failures, even the right password, saying when to retry`, async () => {
      const user = await newUser();
      for (let i = 0; i < ACCOUNT_LIMIT.points; i++) {
        expect(await verifyCredentials(user.email, "wrong password!", newAddress())).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      // From yet another address: the limit is the account's, not the address's.
      const limited = await verifyCredentials(user.email, PASSWORD, newAddress());
      expect(limited).toMatchObject({ ok: false, reason: "limited" });
      const retry = limited.ok === false && limited.reason === "limited" ? limited.retryAfterSeconds : 0;
      expect(retry).toBeGreaterThan(ACCOUNT_LIMIT.durationSeconds - 60);
      expect(retry).toBeLessThanOrEqual(ACCOUNT_LIMIT.durationSeconds);
    });

    it("starts the account's count afresh after a successful sign-in", async () => {
      const user = await newUser();
      const address = newAddress();
      for (let i = 0; i < ACCOUNT_LIMIT.points - 1; i++)
        await verifyCredentials(user.email, "wrong password!", address);
      expect(await verifyCredentials(user.email, PASSWORD, address)).toMatchObject({ ok: true });
      for (let i = 0; i < ACCOUNT_LIMIT.points - 1; i++)
        await verifyCredentials(user.email, "wrong password!", address);
      expect(await verifyCredentials(user.email, PASSWORD, address)).toMatchObject({ ok: true });
    });

    it(`refuses an address after ${ADDRESS_LIMIT.points} failures across accounts, and only that address`, async () => {
      const user = await newUser();
      const address = newAddress();
      for (let i = 0; i < ADDRESS_LIMIT.points; i++) {
        // A different (unknown) account each time: no account reaches its own limit.
        expect(await verifyCredentials(newEmail(), "wrong password!", address)).toMatchObject({ reason: "invalid" });
      }
      expect(await verifyCredentials(user.email, PASSWORD, address)).toMatchObject({ ok: false, reason: "limited" });
      expect(await verifyCredentials(user.email, PASSWORD, newAddress())).toEqual({ ok: true, userId: user.id });
    });

    it("keeps the limits in the database: a new client on the same database still refuses", async () => {
      const user = await newUser();
      for (let i = 0; i < ACCOUNT_LIMIT.points; i++)
        await verifyCredentials(user.email, "wrong password!", newAddress());
      const rows = await prisma().rateLimiterFlexible.count({ where: { key: `signin-account:${user.email}` } });
      expect(rows).toBe(1);

      const second = await engine.reopen();
      const restoreSecond = installDatabase(second);
      try {
        expect(await verifyCredentials(user.email, PASSWORD, newAddress())).toMatchObject({
          ok: false,
          reason: "limited",
        });
      } finally {
        restoreSecond();
        // Later tests use the second client (PGlite's first one is closed now).
        restore();
        restore = installDatabase(second);
        engine = { ...engine, db: { ...engine.db, prisma: second.prisma, database: second } };
      }
    });
  });

  describe("the audit log of signing in", () => {
    /** The sign-in events about one user, oldest first. */
    const signInEvents = (userId: string) =>
      prisma().auditEvent.findMany({
        where: { entityType: "user", entityId: userId, action: { startsWith: "user.sign-in" } },
        orderBy: { id: "asc" },
      });

    it("records a sign-in as the user, outside any organisation, with the address and never the password", async () => {
      const user = await newUser([{ organisation: "alpha", role: "EDITOR" }]);
      const address = newAddress();
      await verifyCredentials(user.email.toUpperCase(), PASSWORD, address);
      const events = await signInEvents(user.id);
      expect(events).toEqual([
        expect.objectContaining({
          organisationId: null,
          actorUserId: user.id,
          actor: user.email,
          action: "user.sign-in",
          after: { method: "password", address },
          before: null,
          reason: null,
        }),
      ]);
      const everything = await prisma().auditEvent.findMany({
        where: { entityId: user.id },
        select: { actor: true, before: true, after: true, reason: true },
      });
      expect(JSON.stringify(everything)).not.toContain(PASSWORD);
    });

    it("records a wrong password for an account, as anonymous, and says which failure locks it", async () => {
      const user = await newUser();
      const address = newAddress();
      const wrong = `${PASSWORD} but wrong`;
      for (let i = 0; i < ACCOUNT_LIMIT.points; i++) await verifyCredentials(user.email, wrong, address);
      // Refused by the limit: not recorded, or anyone could grow the append-only log without bound.
      for (let i = 0; i < 3; i++) {
        expect(await verifyCredentials(user.email, PASSWORD, address)).toMatchObject({ reason: "limited" });
      }
      const events = await signInEvents(user.id);
      expect(events).toHaveLength(ACCOUNT_LIMIT.points);
      for (const event of events) {
        expect(event).toMatchObject({
          organisationId: null,
          actorUserId: null,
          actor: "anonymous",
          action: "user.sign-in.refuse",
          after: { method: "password", address },
        });
      }
      expect(events.map((e) => e.reason)).toEqual([
        ...Array.from({ length: ACCOUNT_LIMIT.points - 1 }, () => "wrong password"),
        "wrong password; sign-in to the account is now locked for a while",
      ]);
      expect(JSON.stringify(events.map((e) => [e.actor, e.before, e.after, e.reason]))).not.toContain(wrong);
    });

    it("records nothing for an unknown email, and says when an account has no password", async () => {
      const before = await prisma().auditEvent.count();
      const unknown = newEmail();
      expect(await verifyCredentials(unknown, PASSWORD, newAddress())).toEqual({ ok: false, reason: "invalid" });
      expect(await prisma().auditEvent.count()).toBe(before);

      const invited = await prisma().user.create({ data: { email: newEmail(), name: "Invited" } });
      expect(await verifyCredentials(invited.email, PASSWORD, newAddress())).toEqual({ ok: false, reason: "invalid" });
      expect((await signInEvents(invited.id)).map((e) => [e.action, e.reason])).toEqual([
        ["user.sign-in.refuse", "the account has no password"],
      ]);
    });

    it("records a single sign-on when its session is issued, without an address", async () => {
      const user = await newUser();
      const callbacks = optionsWithSingleSignOn();
      await callbacks.jwt({
        token: {},
        user: { id: "idp-subject", email: user.email },
        account: { provider: OIDC_PROVIDER_ID, type: "oauth", providerAccountId: "idp-subject" },
        trigger: "signIn",
      } as unknown as JwtParams);
      // A password sign-in's session is recorded by verifyCredentials, not again here.
      await callbacks.jwt({
        token: {},
        user: { id: user.id },
        account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
        trigger: "signIn",
      } as unknown as JwtParams);
      expect(await signInEvents(user.id)).toEqual([
        expect.objectContaining({ actorUserId: user.id, action: "user.sign-in", after: { method: "oidc" } }),
      ]);
    });
  });

  describe("sessions", () => {
    it("gives the viewer with its memberships: organisation id, slug, name and role", async () => {
      const user = await newUser([
        { organisation: "beta", role: "REVIEWER" },
        { organisation: "alpha", role: "ADMIN" },
      ]);
      const session = await getSessionUser({ email: user.email.toUpperCase() });
      expect(session).toEqual({ userId: user.id, email: user.email, name: "Ada Example", sessionVersion: 0 });
      const viewer = await getViewerForUser(user.id, 0);
      const alpha = await prisma().organisation.findUniqueOrThrow({ where: { slug: "alpha" } });
      expect(viewer).toMatchObject({ kind: "user", userId: user.id, email: user.email, name: "Ada Example" });
      expect(viewer?.kind === "user" && viewer.memberships).toEqual([
        { organisationId: alpha.id, organisation: "alpha", organisationName: "Alpha Institute", role: "ADMIN" },
        expect.objectContaining({ organisation: "beta", organisationName: "Beta Committee", role: "REVIEWER" }),
      ]);
    });

    it("refuses a token issued before 'sign out everywhere', and records the sign-out in the audit log", async () => {
      const user = await newUser();
      const viewer = (await getViewerForUser(user.id, 0)) as Viewer;
      expect(viewer.kind).toBe("user");
      expect(await signOutEverywhere(viewer)).toBe(1);
      expect(await getViewerForUser(user.id, 0)).toBeNull();
      expect(await getViewerForUser(user.id, 1)).toMatchObject({ kind: "user", userId: user.id });
      const event = await prisma().auditEvent.findFirstOrThrow({
        where: { entityId: user.id, action: "user.sign-out-everywhere" },
      });
      expect(event).toMatchObject({ actor: user.email, actorUserId: user.id, organisationId: null });
      expect(event.after).toEqual({ sessionVersion: 1 });
    });

    it("gives no viewer for a user that does not exist or an id that is not one", async () => {
      expect(await getViewerForUser("01890a5d-ac96-774b-bcce-b302099a8057", 0)).toBeNull();
      expect(await getViewerForUser("not-a-uuid", 0)).toBeNull();
      expect(await getSessionUser({ userId: "not-a-uuid" })).toBeNull();
    });

    it("lets single sign-on in only for a verified email that already has an account, as that account", async () => {
      const user = await newUser();
      const callbacks = optionsWithSingleSignOn();
      const account = { provider: OIDC_PROVIDER_ID, type: "oauth", providerAccountId: "idp-subject" };
      const attempt = (profile: Record<string, unknown>) =>
        callbacks.signIn({ user: { id: "idp-subject" }, account, profile } as unknown as SignInParams);

      expect(await attempt({ sub: "idp-subject", email: user.email.toUpperCase(), email_verified: true })).toBe(true);
      expect(await attempt({ sub: "idp-subject", email: newEmail(), email_verified: true })).toBe(false);
      expect(await attempt({ sub: "idp-subject", email: user.email, email_verified: false })).toBe(false);
      expect(await attempt({ sub: "idp-subject" })).toBe(false);

      const token = await callbacks.jwt({
        token: {},
        user: { id: "idp-subject", email: user.email },
        account,
        trigger: "signIn",
      } as unknown as JwtParams);
      expect(token).toMatchObject({ sub: user.id, userId: user.id, sessionVersion: 0, email: user.email });
    });

    it("does not let an anonymous viewer sign out everywhere", async () => {
      await expect(signOutEverywhere(ANONYMOUS)).rejects.toThrow(ForbiddenError);
    });
  });
});

describe("npm start on PostgreSQL without NEXTAUTH_SECRET", () => {
  it("stops with one line, and creates no demo accounts", async () => {
    const database = await createEmptyPostgresDatabase();
    try {
      const root = path.resolve(import.meta.dirname, "../..");
      const result = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts", "start.ts"), "--port", "3299"],
        { cwd: root, env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "" }, timeout: 60_000 },
      ).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? "" }),
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
      expect(lines).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set: with DATABASE_URL, set it/)]);

      const opened = await createClient(
        { kind: "postgres", url: database.url },
        { connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS },
      );
      try {
        expect(await opened.prisma.user.count()).toBe(0);
      } finally {
        await opened.close();
      }
    } finally {
      await database.drop();
    }
  });
});
