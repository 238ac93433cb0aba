/**
 * Generated inputs through the data layer (fast-check), for the inputs of the member actions (invite, withdraw an
 * invite, change a role, remove a member; lib/domain/schemas/members.ts), of comments and of the watchlist
 * (lib/domain/schemas/comments.ts), as in tests/unit/schemas.test.ts for the editing commands' schemas. For any input
 * and any viewer, the function either does its work or throws one of the expected errors (ValidationError,
 * NotFoundError, ForbiddenError, ConflictError, InviteError); a refused input writes nothing (every table's row count
 * unchanged); a ValidationError has its messages by field.
 *
 * The bulk runs on PGlite (RUNS inputs per function); PostgreSQL gets a smaller share of the same properties, for
 * what only a server might refuse. The whole file stays within about a minute.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, ROLES, systemViewer, type Role, type Viewer } from "@/lib/auth/viewer";
import { addComment } from "@/lib/data/comments";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/data/errors";
import { importDataset } from "@/lib/data/import-dataset";
import { changeRole, createInvite, InviteError, removeMember, revokeInvite } from "@/lib/data/members";
import { unwatch, watch } from "@/lib/data/watchlist";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { rowCounts } from "../support/counts";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { anyValue, expectFieldLevel, RUNS } from "../support/property";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:test");
const ORG = "alpha";

const EXPECTED = [ValidationError, NotFoundError, ForbiddenError, ConflictError, InviteError];

type Outcome = "ok" | (typeof EXPECTED)[number]["name"];

const engines: Array<[string, () => Promise<TestDatabase>, number]> = [
  ["PGlite", () => createPgliteDatabase(), RUNS],
  ["PostgreSQL", () => createPostgresDatabase(), 25],
];

/** A dictionary over a schema's own field names (and a few that are not), so that inputs reach the field rules. */
function shaped(fields: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...fields, "__proto__", "constructor", "extra"), value);
}

/** Text as anyone may type it: any code unit, the NUL character and lone surrogates included. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "binary-ascii" }));

describe.each(engines)("generated inputs through the data layer on %s", (_name, create, runs) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;
  /** The row counts as they should be now: updated after each input that was accepted. */
  let counts: Awaited<ReturnType<typeof rowCounts>>;
  let admin: Viewer;
  let reviewer: Viewer;
  let outsider: Viewer;
  let memberIds: string[];
  let inviteIds: string[];
  const keys = {
    agreement: "",
    commitments: [] as string[],
    milestones: [] as string[],
    records: [] as Array<{ commitment: string; milestone?: string }>,
  };

  async function member(orgSlug: string, role: Role): Promise<Viewer & { kind: "user" }> {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: orgSlug } });
    const user = await prisma.user.create({ data: { email: `${role}-${randomUUID()}@example.org`, name: role } });
    await prisma.membership.create({ data: { organisationId: organisation.id, userId: user.id, role } });
    return {
      kind: "user",
      userId: user.id,
      email: user.email,
      name: user.name,
      memberships: [{ organisationId: organisation.id, organisation: orgSlug, organisationName: orgSlug, role }],
    };
  }

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    const parsed = parseInterchangeText(demoText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importDataset(cli, ORG, parsed.dataset);
    // The outsider's own organisation: only its existence matters here.
    await prisma.organisation.create({ data: { slug: "beta", name: "beta" } });
    const agreement = parsed.dataset.agreements[0];
    if (agreement === undefined) throw new Error("the demo has no agreement");
    keys.agreement = agreement.slug;
    keys.commitments = agreement.commitments.map((c) => c.id);
    keys.milestones = agreement.commitments.flatMap((c) => c.milestones.map((m) => m.id));
    keys.records = agreement.commitments.flatMap((c) => [
      { commitment: c.id },
      ...c.milestones.map((m) => ({ commitment: c.id, milestone: m.id })),
    ]);

    admin = await member(ORG, "ADMIN");
    reviewer = await member(ORG, "REVIEWER");
    outsider = await member("beta", "EDITOR");
    memberIds = [];
    for (const role of ["REVIEWER", "REVIEWER", "EDITOR", "EDITOR", "ADMIN"] as const) {
      memberIds.push((await member(ORG, role)).userId);
    }
    inviteIds = [];
    for (const role of ROLES) inviteIds.push((await createInvite(cli, ORG, { role })).id);
    counts = await rowCounts(prisma);
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  /**
   * Runs one generated call: it succeeds (the counts are taken afresh), or it throws an expected error, writes
   * nothing, and a ValidationError's messages are by field of `input`.
   */
  async function check(input: unknown, call: () => Promise<unknown>): Promise<Outcome> {
    let error: unknown = null;
    try {
      await call();
    } catch (thrown) {
      error = thrown;
    }
    const after = await rowCounts(prisma);
    if (error === null) {
      counts = after;
      return "ok";
    }
    const expected = EXPECTED.find((kind) => error instanceof kind);
    expect(expected, `unexpected ${String(error)}\n${(error as Error)?.stack ?? ""}`).toBeDefined();
    expect(after).toEqual(counts);
    if (error instanceof ValidationError) expectFieldLevel(input, error.fieldErrors);
    else expect((error as Error).message.trim()).not.toBe("");
    return (error as Error).name as Outcome;
  }

  /** Asserts the property over `runs` inputs and returns how often each outcome came up. */
  async function property<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<Outcome>) {
    const seen = new Map<Outcome, number>();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        const outcome = await run(value);
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      }),
      { numRuns: runs },
    );
    return seen;
  }

  /** The bulk must reach each of these outcomes, or its property says little; the smaller share may not. */
  function expectSeen(seen: Map<Outcome, number>, outcomes: Outcome[]): void {
    if (runs < RUNS) return;
    for (const outcome of outcomes) expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
  }

  /** Mostly those who may act (so that writes happen), and everyone else. */
  const anyViewer = (...actors: Viewer[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...actors) },
      { weight: 2, arbitrary: fc.constantFrom(admin, cli, reviewer, outsider, ANONYMOUS) },
    );
  const role = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...ROLES) },
    { weight: 1, arbitrary: anyValue },
  );
  const id = (known: () => string[]) =>
    fc.oneof(
      fc.constantFrom(...known()),
      fc.uuid(),
      fc.constant(randomUUID()),
      anyValue,
      anyText,
    ) as fc.Arbitrary<string>;
  /** A record of the agreement: a commitment, or one of its milestones. */
  const realTarget = () =>
    fc
      .constantFrom(...keys.records)
      .map(({ commitment, milestone }) =>
        milestone === undefined
          ? { agreement: keys.agreement, commitment }
          : { agreement: keys.agreement, commitment, milestone },
      );
  /** Record targets: mostly real ones (so that writes happen), then any mix of keys and text, then anything. */
  const target = (extra: Record<string, fc.Arbitrary<unknown>> = {}) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(realTarget(), fc.record(extra)).map(([record, more]) => ({ ...record, ...more })),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          agreement: fc.oneof(fc.constant(keys.agreement), fc.constant("no-such-agreement"), anyText),
          commitment: fc.oneof(fc.constantFrom(...keys.commitments), anyText),
          milestone: fc.option(fc.oneof(fc.constantFrom(...keys.milestones), anyText), { nil: undefined }),
          ...extra,
        }),
      },
      {
        weight: 1,
        arbitrary: shaped(["agreement", "commitment", "milestone", ...Object.keys(extra)], fc.oneof(anyValue, anyText)),
      },
      { weight: 1, arbitrary: anyValue },
    );

  it(`invites: any input to createInvite, by any viewer (${runs} inputs)`, async () => {
    const input = fc.oneof({ weight: 2, arbitrary: fc.record({ role }) }, shaped(["role"], role), anyValue);
    const seen = await property(fc.tuple(anyViewer(admin, cli), input), ([viewer, value]) =>
      check(value, () => createInvite(viewer, ORG, value as never)),
    );
    expectSeen(seen, ["ok", "ValidationError"]);
  });

  it(`invites: any invite id to revokeInvite (${runs} inputs)`, async () => {
    const seen = await property(
      fc.tuple(
        anyViewer(admin, cli),
        id(() => inviteIds),
      ),
      ([viewer, inviteId]) => check({ inviteId }, () => revokeInvite(viewer, ORG, inviteId)),
    );
    expectSeen(seen, ["ok", "ValidationError", "NotFoundError", "ConflictError"]);
  });

  it(`role changes: any member id, role and expected role to changeRole (${runs} inputs)`, async () => {
    const seen = await property(
      fc.tuple(
        anyViewer(admin, cli),
        id(() => memberIds),
        role,
        fc.option(role, { nil: undefined }),
      ),
      ([viewer, userId, newRole, expectedRole]) =>
        check({ userId, role: newRole, expectedRole }, () =>
          changeRole(viewer, ORG, userId, newRole as Role, expectedRole as Role | undefined),
        ),
    );
    expectSeen(seen, ["ok", "ValidationError", "NotFoundError", "ConflictError"]);
  });

  it(`removals: any member id to removeMember (${runs} inputs)`, async () => {
    const seen = await property(
      fc.tuple(
        anyViewer(admin, cli),
        id(() => memberIds),
      ),
      ([viewer, userId]) => check({ userId }, () => removeMember(viewer, ORG, userId)),
    );
    expectSeen(seen, ["ok", "ValidationError", "NotFoundError", "ForbiddenError"]);
  });

  it(`comments: any input to addComment, by any viewer (${runs} inputs)`, async () => {
    const body = fc.oneof(anyText, fc.constant(" \n\t "), fc.constant("x".repeat(5001)), anyValue);
    const seen = await property(fc.tuple(anyViewer(reviewer, admin, cli), target({ body })), ([viewer, input]) =>
      check(input, () => addComment(viewer, ORG, input as never)),
    );
    expectSeen(seen, ["ok", "ValidationError", "NotFoundError"]);
  });

  it(`watchlist: any input to watch and unwatch, by any viewer (${runs} inputs each)`, async () => {
    for (const action of [watch, unwatch]) {
      const seen = await property(fc.tuple(anyViewer(reviewer, admin), target()), ([viewer, input]) =>
        check(input, () => action(viewer, ORG, input as never)),
      );
      expectSeen(seen, ["ok", "ValidationError", "ForbiddenError"]);
    }
  });
});
