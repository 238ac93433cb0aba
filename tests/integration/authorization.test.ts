/**
 * The authorization matrix (issue 3, "Tests"; the matrix itself is data in tests/support/authorization-matrix.ts):
 * principals anonymous, reviewer, editor, admin, editor of another organisation, removed member (and the command
 * line) × every data-layer operation × own and other organisation's records, on PostgreSQL and on PGlite.
 *
 * The operations are enumerated from the code (every exported function of the surface modules, every file under
 * lib/data classified), and so are the server actions and route handlers (parsed from app/): one missing from the
 * matrix fails, and so does a matrix entry for something that no longer exists. Each case runs the operation with a
 * valid input and asserts allowed ⇔ expected; a denial is the expected ForbiddenError or NotFoundError and writes
 * nothing. Server actions are thin wrappers that call these operations with the session's viewer, so each must name
 * the operation(s) it delegates to.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, systemViewer, type Role, type Viewer } from "@/lib/auth/viewer";
import * as briefingModule from "@/lib/data/briefing";
import * as commandsModule from "@/lib/data/commands";
import * as commentsModule from "@/lib/data/comments";
import { NotFoundError } from "@/lib/data/errors";
import * as healthDocumentModule from "@/lib/data/health-document";
import * as historyModule from "@/lib/data/history";
import * as importModule from "@/lib/data/import-dataset";
import * as loadModule from "@/lib/data/load-dataset";
import * as membersModule from "@/lib/data/members";
import * as publicModule from "@/lib/data/public";
import * as usersModule from "@/lib/data/users";
import * as watchlistModule from "@/lib/data/watchlist";
import * as workspaceModule from "@/lib/data/workspace";
import * as notificationsModule from "@/lib/data/notifications";
import * as webhooksModule from "@/lib/data/webhooks";
import * as healthEvaluationModule from "@/lib/data/health-evaluation";
import * as deliveriesModule from "@/lib/data/deliveries";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import {
  ENTRY_POINTS,
  INTERNAL_DATA_FILES,
  MEMBER_OF,
  OPERATIONS,
  PRINCIPALS,
  SURFACE_MODULES,
  type Denial,
  type Exempt,
  type MatrixContext,
  type MatrixEntry,
  type Operation,
  type Principal,
  type Scope,
  type SurfaceModule,
} from "../support/authorization-matrix";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const ROOT = path.resolve(import.meta.dirname, "../..");
const demoText = readFileSync(path.join(ROOT, "data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:authorization-test");

const AGREEMENT = "uk-france-small-boats-2025";
/** The demo again under other keys: the records of the organisation "other" (as in commands.test.ts). */
const otherText = demoText
  .replaceAll(AGREEMENT, "other-agreement")
  .replaceAll('"maritime-interception"', '"other-commitment"')
  .replaceAll('"adopt-doctrine"', '"other-milestone"')
  .replaceAll('"people-removed"', '"other-indicator"')
  .replaceAll("bbc-2025-10-23", "other-source");

const KEYS = {
  own: {
    org: "own",
    agreement: AGREEMENT,
    commitment: "maritime-interception",
    milestone: "adopt-doctrine",
    secondMilestone: "deploy-tactics",
    indicatorCommitment: "one-in-one-out",
    indicator: "people-removed",
    source: "times-2025-11",
    document: demoText,
  },
  other: {
    org: "other",
    agreement: "other-agreement",
    commitment: "other-commitment",
    milestone: "other-milestone",
    secondMilestone: "deploy-tactics",
    indicatorCommitment: "one-in-one-out",
    indicator: "other-indicator",
    source: "other-source",
    document: otherText,
  },
} as const;

// ---- Enumerating the code ----

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

const MODULES: Record<SurfaceModule, Record<string, unknown>> = {
  commands: commandsModule,
  members: membersModule,
  comments: commentsModule,
  watchlist: watchlistModule,
  history: historyModule,
  workspace: workspaceModule,
  briefing: briefingModule,
  "load-dataset": loadModule,
  "health-document": healthDocumentModule,
  "import-dataset": importModule,
  users: usersModule,
  public: publicModule,
  notifications: notificationsModule,
  webhooks: webhooksModule,
  "health-evaluation": healthEvaluationModule,
  deliveries: deliveriesModule,
};

const MODULE_FILES: Record<SurfaceModule, string> = {
  commands: "lib/data/commands/index.ts",
  members: "lib/data/members/index.ts",
  comments: "lib/data/comments.ts",
  watchlist: "lib/data/watchlist.ts",
  history: "lib/data/history.ts",
  workspace: "lib/data/workspace.ts",
  briefing: "lib/data/briefing.ts",
  "load-dataset": "lib/data/load-dataset.ts",
  "health-document": "lib/data/health-document.ts",
  "import-dataset": "lib/data/import-dataset.ts",
  users: "lib/data/users.ts",
  public: "lib/data/public.ts",
  notifications: "lib/data/notifications.ts",
  webhooks: "lib/data/webhooks.ts",
  "health-evaluation": "lib/data/health-evaluation.ts",
  deliveries: "lib/data/deliveries.ts",
};

function isClass(value: unknown): boolean {
  return typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
}

/** Every exported function of the surface modules, as "module.name". */
function enumerateOperations(): Map<string, AnyFunction> {
  const found = new Map<string, AnyFunction>();
  for (const name of SURFACE_MODULES) {
    for (const [exported, value] of Object.entries(MODULES[name])) {
      if (typeof value === "function" && !isClass(value)) found.set(`${name}.${exported}`, value as AnyFunction);
    }
  }
  // The registry is what the forms and property tests use: every command in it must be exported and so enumerated.
  for (const command of commandsModule.commands)
    found.set(`commands.${command.name}`, command.run as unknown as AnyFunction);
  return found;
}

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...filesUnder(relative, accept));
    } else if (accept(relative)) {
      out.push(relative);
    }
  }
  return out.sort();
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Exported names of a module's source: `export async function x`, `export const x`, `export { a as x, y }`. */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) {
    names.add(m[1] ?? "");
  }
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1] ?? "");
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? "").split(",")) {
      const name = part.trim().replace(/^type\s+/, "");
      if (name === "" || part.trim().startsWith("type ")) continue;
      names.add(name.split(/\s+as\s+/).pop() ?? name);
    }
  }
  return [...names];
}

/** Every server action (exports of "use server" files) and route handler method under app/, as "file#export". */
function enumerateEntryPoints(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder("app", (f) => /\.(ts|tsx)$/.test(f))) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const isRoute = /(^|\/)route\.(ts|tsx)$/.test(file);
    const isServer = /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(source);
    if (isServer) {
      for (const name of exportedNames(source)) found.set(`${file}#${name}`, source);
    } else if (/["']use server["']/.test(source)) {
      // An inline server action inside a component: it must be listed by the component's file.
      found.set(`${file}#<inline "use server">`, source);
    }
    if (isRoute) {
      for (const name of exportedNames(source)) if (HTTP_METHODS.includes(name)) found.set(`${file}#${name}`, source);
    }
  }
  return found;
}

const operations = enumerateOperations();
const entryPoints = enumerateEntryPoints();

function isExempt(entry: MatrixEntry): entry is Exempt {
  return "exempt" in entry;
}

function variantsOf(entry: MatrixEntry): readonly Operation[] {
  if (isExempt(entry)) return [];
  return Array.isArray(entry) ? (entry as readonly Operation[]) : [entry as Operation];
}

// ---- The cases ----

interface Case {
  readonly key: string;
  readonly label: string;
  readonly operation: Operation;
  readonly principal: Principal;
  readonly scope: Scope | "global";
  readonly allowed: boolean;
  readonly denial: Denial;
}

function expectedDenial(operation: Operation, principal: Principal, scope: Scope | "global"): Denial {
  if (principal === "system") return operation.deny?.system ?? "ForbiddenError";
  if (scope === "global") return operation.deny?.nonMember ?? "ForbiddenError";
  return MEMBER_OF[principal] === scope
    ? (operation.deny?.member ?? "ForbiddenError")
    : (operation.deny?.nonMember ?? "NotFoundError");
}

const cases: Case[] = [];
for (const [key, entry] of Object.entries(OPERATIONS)) {
  if (!operations.has(key)) continue; // reported by the enumeration test
  for (const operation of variantsOf(entry)) {
    const label = operation.label ? `${key} (${operation.label})` : key;
    const scopes: Array<Scope | "global"> = operation.scope === "global" ? ["global"] : ["own", "other"];
    for (const scope of scopes) {
      for (const principal of PRINCIPALS) {
        const allow =
          operation.scope === "global" ? operation.allow : operation.allow[scope === "global" ? "own" : scope];
        cases.push({
          key,
          label,
          operation,
          principal,
          scope,
          allowed: allow.includes(principal),
          denial: expectedDenial(operation, principal, scope),
        });
      }
    }
  }
}

// ---- The database ----

/** Row counts of every table an operation may write: "nothing written" (audit events first of all). */
async function counts(prisma: PrismaClient): Promise<Record<string, number>> {
  const [auditEvents, users, memberships, invites, comments, watchlist, agreements, sources, evidence, updates] =
    await Promise.all([
      prisma.auditEvent.count(),
      prisma.user.count(),
      prisma.membership.count(),
      prisma.invite.count(),
      prisma.comment.count(),
      prisma.watchlistEntry.count(),
      prisma.agreement.count(),
      prisma.source.count(),
      prisma.evidenceLink.count(),
      prisma.statusUpdate.count(),
    ]);
  const [transitions, notificationsRead, webhooks, locales] = await Promise.all([
    prisma.healthTransition.count(),
    prisma.notification.count({ where: { readAt: { not: null } } }),
    prisma.webhookEndpoint.count(),
    prisma.user.count({ where: { locale: { not: null } } }),
  ]);
  return {
    auditEvents,
    users,
    memberships,
    invites,
    comments,
    watchlist,
    agreements,
    sources,
    evidence,
    updates,
    transitions,
    notificationsRead,
    webhooks,
    locales,
  };
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PostgreSQL", () => createPostgresDatabase()],
  ["PGlite", () => createPgliteDatabase()],
];

describe.each(engines)("authorization matrix on %s", (_engine, create) => {
  let db: TestDatabase;
  let restore: () => void;
  const viewers = {} as Record<Principal, Viewer>;
  let serial = 0;

  async function member(email: string, organisation: string, role: Role): Promise<Viewer> {
    const row = await db.prisma.user.create({ data: { email, name: email.split("@")[0] ?? email } });
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: organisation } });
    await db.prisma.membership.create({ data: { organisationId: org.id, userId: row.id, role } });
    // As a request would see it: from the database (lib/auth/session.ts).
    const viewer = await usersModule.getViewerForUser(row.id, row.sessionVersion);
    if (viewer === null) throw new Error(`no viewer for ${email}`);
    return viewer;
  }

  function context(scope: Scope | "global" | "cross"): MatrixContext {
    const keys = KEYS[scope === "global" ? "own" : scope === "cross" ? "other" : scope];
    const where = { organisation: { slug: keys.org } };
    const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(serial += 1)}`;
    return {
      scope,
      // Across organisations: acting in `own`, naming `other`'s records.
      org: scope === "cross" ? KEYS.own.org : keys.org,
      agreement: keys.agreement,
      commitment: keys.commitment,
      milestone: keys.milestone,
      secondMilestone: keys.secondMilestone,
      indicatorCommitment: keys.indicatorCommitment,
      indicator: keys.indicator,
      source: keys.source,
      unique,
      async version(record) {
        const agreement = { ...where, slug: keys.agreement };
        const commitment = { ...where, key: keys.commitment, agreement };
        switch (record) {
          case "agreement":
            return (await db.prisma.agreement.findFirstOrThrow({ where: agreement })).version;
          case "commitment":
            return (await db.prisma.commitment.findFirstOrThrow({ where: commitment })).version;
          case "milestone":
            return (
              await db.prisma.milestone.findFirstOrThrow({ where: { ...where, key: keys.milestone, commitment } })
            ).version;
          case "source":
            return (await db.prisma.source.findFirstOrThrow({ where: { ...where, key: keys.source } })).version;
        }
      },
      async evidence() {
        const ref = await commandsModule.linkEvidence(cli, keys.org, {
          agreement: keys.agreement,
          commitment: keys.commitment,
          milestone: keys.secondMilestone,
          source: keys.source,
          stance: "SUPPORTS",
          quote: "Made for a case.",
        });
        return { id: ref.evidence, version: ref.version };
      },
      async member() {
        const email = `${unique("member")}@example.org`;
        const viewer = await member(email, keys.org, "REVIEWER");
        if (viewer.kind !== "user") throw new Error("not a user");
        return viewer.userId;
      },
      async invite() {
        const org = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: keys.org } });
        const invite = await db.prisma.invite.create({
          data: {
            organisationId: org.id,
            role: "REVIEWER",
            tokenHash: randomBytes(32).toString("hex"),
            expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
          },
        });
        return invite.id;
      },
      async webhook() {
        const org = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: keys.org } });
        const endpoint = await db.prisma.webhookEndpoint.create({
          data: { organisationId: org.id, url: "https://hooks.example.org/case", secret: "whsec_case" },
        });
        return endpoint.id;
      },
      importText() {
        const document = JSON.parse(keys.document) as { agreements: Array<{ slug: string }> };
        const [first] = document.agreements;
        if (first === undefined) throw new Error("the demo has no agreement");
        return JSON.stringify({ ...document, agreements: [{ ...first, slug: unique("imported") }] });
      },
    };
  }

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    expect((await importModule.importDocument(cli, "own", demoText)).ok).toBe(true);
    expect((await importModule.importDocument(cli, "other", otherText)).ok).toBe(true);
    viewers.anonymous = ANONYMOUS;
    viewers.system = cli;
    viewers.reviewer = await member("reviewer@own.test", "own", "REVIEWER");
    viewers.editor = await member("editor@own.test", "own", "EDITOR");
    viewers.admin = await member("admin@own.test", "own", "ADMIN");
    viewers.otherEditor = await member("editor@other.test", "other", "EDITOR");
    // Was an editor of "own"; the membership is gone, and the viewer is read from the database as a request would.
    const removed = await member("removed@own.test", "own", "EDITOR");
    if (removed.kind !== "user") throw new Error("not a user");
    await db.prisma.membership.deleteMany({ where: { userId: removed.userId } });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: removed.userId } });
    const reread = await usersModule.getViewerForUser(row.id, row.sessionVersion);
    if (reread === null) throw new Error("no viewer for the removed member");
    viewers.removed = reread;
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  describe("the matrix covers the code", () => {
    it("classifies every file under lib/data", () => {
      const surface = new Set<string>(Object.values(MODULE_FILES));
      const unclassified = filesUnder("lib/data", (f) => f.endsWith(".ts")).filter((file) => {
        if (surface.has(file) || file in INTERNAL_DATA_FILES) return false;
        const folder = `${path.posix.dirname(file)}/*`;
        return !(folder in INTERNAL_DATA_FILES);
      });
      expect(unclassified, "add these to SURFACE_MODULES or INTERNAL_DATA_FILES").toEqual([]);
    });

    it("has an entry for every operation found in the code, and none for one that is gone", () => {
      const inCode = [...operations.keys()].sort();
      const inMatrix = Object.keys(OPERATIONS).sort();
      expect(
        inCode.filter((key) => !(key in OPERATIONS)),
        "operations missing from tests/support/authorization-matrix.ts",
      ).toEqual([]);
      expect(
        inMatrix.filter((key) => !operations.has(key)),
        "matrix entries for operations not in the code",
      ).toEqual([]);
    });

    it("has an entry for every server action and route handler, and none for one that is gone", () => {
      expect(entryPoints.size).toBeGreaterThan(0);
      expect(
        [...entryPoints.keys()].filter((key) => !(key in ENTRY_POINTS)).sort(),
        "server actions / route handlers missing from ENTRY_POINTS",
      ).toEqual([]);
      expect(
        Object.keys(ENTRY_POINTS).filter((key) => !entryPoints.has(key)),
        "ENTRY_POINTS for code that is gone",
      ).toEqual([]);
    });

    it("names, for every server action, operations that the matrix tests and that its file calls", () => {
      for (const [key, entry] of Object.entries(ENTRY_POINTS)) {
        if ("publicByDesign" in entry) {
          expect(entry.publicByDesign, key).toMatch(/^auth:/);
          continue;
        }
        if ("noData" in entry) {
          // The export's own statement (up to the next blank line) calls no data-layer operation.
          const [file = "", name = ""] = key.split("#");
          const source = entryPoints.get(key) ?? "";
          const start = source.search(new RegExp(`^export\\s+(?:async\\s+)?(?:const|function)\\s+${name}\\b`, "m"));
          expect(start, `${key} is exported by ${file}`).toBeGreaterThanOrEqual(0);
          const end = source.indexOf("\n\n", start);
          const statement = source.slice(start, end < 0 ? undefined : end);
          for (const operation of operations.keys()) {
            const fn = operation.split(".").pop() ?? operation;
            expect(new RegExp(`\\b${fn}\\b`).test(statement), `${key} calls ${operation}`).toBe(false);
          }
          continue;
        }
        const viaToken = "viaInviteToken" in entry;
        const delegates = viaToken ? entry.viaInviteToken : entry.delegates;
        expect(delegates.length, key).toBeGreaterThan(0);
        const source = entryPoints.get(key) ?? "";
        for (const delegate of delegates) {
          const matrixEntry = OPERATIONS[delegate];
          expect(matrixEntry, `${key} → ${delegate} is in the matrix`).toBeDefined();
          // A viewer-taking delegate must be a tested operation; only an invite link's flows may be exempt ones.
          if (matrixEntry && !viaToken) expect(isExempt(matrixEntry), `${key} → ${delegate} is tested`).toBe(false);
          const fn = delegate.split(".").pop() ?? delegate;
          expect(source.includes(fn), `${key}'s file calls ${fn}`).toBe(true);
        }
      }
    });
  });

  describe("naming another organisation's records from one's own", () => {
    /** Everything of `other` that an operation could write, versions included. */
    async function otherState(): Promise<unknown> {
      const { id: organisationId } = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: "other" } });
      const where = { organisationId };
      const byId = { where, orderBy: { id: "asc" as const } };
      return Promise.all([
        db.prisma.auditEvent.count({ where }),
        db.prisma.agreement.findMany({ ...byId, select: { id: true, version: true, published: true, title: true } }),
        db.prisma.commitment.findMany({ ...byId, select: { id: true, version: true } }),
        db.prisma.milestone.findMany({ ...byId, select: { id: true, version: true, position: true } }),
        db.prisma.source.findMany({ ...byId, select: { id: true, version: true } }),
        db.prisma.evidenceLink.findMany({ ...byId, select: { id: true, version: true } }),
        db.prisma.indicator.findMany({ ...byId, select: { id: true, version: true } }),
        db.prisma.membership.findMany({ ...byId, select: { id: true, role: true } }),
        db.prisma.invite.findMany({ ...byId, select: { id: true, revokedAt: true } }),
        db.prisma.statusUpdate.count({ where }),
        db.prisma.observation.count({ where }),
        db.prisma.comment.count({ where }),
        db.prisma.watchlistEntry.count({ where }),
        db.prisma.healthTransition.count({ where }),
        db.prisma.notification.count({ where }),
        db.prisma.webhookEndpoint.count({ where }),
        db.prisma.webhookDelivery.findMany({ ...byId, select: { id: true, state: true, attempts: true } }),
      ]);
    }

    const crossCases = cases.filter((c) => c.scope === "own" && (c.principal === "admin" || c.principal === "system"));

    it.each(crossCases.map((c) => [c.label, c.principal, c] as const))(
      "%s by %s in own, naming other's records, leaves other untouched",
      async (_label, _principal, c) => {
        const fn = operations.get(c.key);
        if (fn === undefined) throw new Error(`no operation ${c.key}`);
        const args = await c.operation.args(context("cross"));
        const before = await otherState();
        const outcome = await fn(viewers[c.principal], ...args).then(
          () => null,
          (error: unknown) => error,
        );
        // Refused as a record that is not there (or a field naming one), or allowed on own's records only.
        if (outcome !== null) {
          expect(outcome, c.label).toBeInstanceOf(Error);
          expect(["NotFoundError", "ValidationError", "ForbiddenError"], String(outcome)).toContain(
            (outcome as Error).name,
          );
        }
        expect(await otherState(), "nothing of other's changed").toEqual(before);
      },
    );
  });

  describe("every principal × operation × organisation", () => {
    const byLabel = new Map<string, Case[]>();
    for (const c of cases) byLabel.set(c.label, [...(byLabel.get(c.label) ?? []), c]);

    it("has cases", () => {
      expect(cases.length).toBeGreaterThan(PRINCIPALS.length * 30);
    });

    describe.each([...byLabel.entries()])("%s", (_label, opCases) => {
      it.each(opCases.map((c) => [c.principal, c.scope, c.allowed ? "allowed" : c.denial, c] as const))(
        "%s on %s: %s",
        async (_principal, _scope, _outcome, c) => {
          const fn = operations.get(c.key);
          if (fn === undefined) throw new Error(`no operation ${c.key}`);
          const args = await c.operation.args(context(c.scope));
          const before = await counts(db.prisma);
          const outcome = await fn(viewers[c.principal], ...args).then(
            () => ({ ok: true as const }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (c.allowed) {
            if (!outcome.ok) throw outcome.error;
            return;
          }
          if (outcome.ok) throw new Error(`UNEXPECTED ALLOW: ${c.principal} ran ${c.label} on ${c.scope}`);
          expect(outcome.error).toBeInstanceOf(c.denial === "ForbiddenError" ? ForbiddenError : NotFoundError);
          expect(await counts(db.prisma), "a denial writes nothing").toEqual(before);
        },
      );
    });
  });
});
