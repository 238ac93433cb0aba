/**
 * One watchlist entry per member and record, held by the database itself on both engines: a second entry for the same
 * (member, commitment) or (member, milestone) is refused whoever inserts it, and `watch` called many times at once
 * leaves one entry and one audit event, without an error. Migrating a database that already holds duplicates keeps
 * each member's oldest entry.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { watch } from "@/lib/data/watchlist";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const AGREEMENT = "uk-france-small-boats-2025";

const engines: Array<[string, (options?: { migrate?: boolean }) => Promise<TestDatabase>]> = [
  ["PGlite", (options) => createPgliteDatabase(options)],
  ["PostgreSQL", (options) => createPostgresDatabase(options)],
];

/** The first migration of the fix: the database before it could hold duplicates. */
const FIX = "20261123180000_watchlist_one_record";

/** A copy of prisma/migrations without the fix and what follows it. */
async function migrationsBeforeFix(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "accordwatch-watchlist-"));
  const dir = path.join(root, "migrations");
  await cp(path.join("prisma", "migrations"), dir, { recursive: true });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= FIX) await rm(path.join(dir, entry.name), { recursive: true });
  }
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

describe.each(engines)("the watchlist on %s", (_name, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;
  let organisationId: string;
  let commitment: { key: string; id: string };
  let milestone: { key: string; id: string };

  /** A new reviewer of the organisation, with their user id. */
  async function newReviewer(): Promise<Viewer & { kind: "user" }> {
    const user = await prisma.user.create({ data: { email: `r-${randomUUID()}@example.org`, name: "Rita" } });
    await prisma.membership.create({ data: { organisationId, userId: user.id, role: "REVIEWER" } });
    return {
      kind: "user",
      userId: user.id,
      email: user.email,
      name: user.name,
      memberships: [{ organisationId, organisation: "alpha", organisationName: "alpha", role: "REVIEWER" }],
    };
  }

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    const parsed = parseInterchangeText(demoText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importDataset(systemViewer("cli:test"), "alpha", parsed.dataset);
    organisationId = (await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } })).id;
    const row = await prisma.milestone.findFirstOrThrow({
      where: { organisationId, commitment: { agreement: { slug: AGREEMENT } } },
      select: { id: true, key: true, commitment: { select: { id: true, key: true } } },
    });
    commitment = { key: row.commitment.key, id: row.commitment.id };
    milestone = { key: row.key, id: row.id };
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("refuses a second entry for the same member and commitment, or member and milestone, in the database", async () => {
    const { userId } = await newReviewer();
    for (const record of [
      { commitmentId: commitment.id, milestoneId: null },
      { commitmentId: null, milestoneId: milestone.id },
    ]) {
      await prisma.watchlistEntry.create({ data: { organisationId, userId, ...record } });
      await expect(prisma.watchlistEntry.create({ data: { organisationId, userId, ...record } })).rejects.toThrow(
        /Unique constraint/,
      );
    }
    expect(await prisma.watchlistEntry.count({ where: { userId } })).toBe(2);
  });

  it("refuses an entry that names both a commitment and a milestone, or neither", async () => {
    const { userId } = await newReviewer();
    await expect(
      prisma.watchlistEntry.create({
        data: { organisationId, userId, commitmentId: commitment.id, milestoneId: milestone.id },
      }),
    ).rejects.toThrow(/watchlist_entries_one_record/);
    await expect(
      prisma.watchlistEntry.create({ data: { organisationId, userId, commitmentId: null, milestoneId: null } }),
    ).rejects.toThrow(/watchlist_entries_one_record/);
    expect(await prisma.watchlistEntry.count({ where: { userId } })).toBe(0);
  });

  it("keeps one entry and one audit event when a member watches the same record many times at once", async () => {
    const reviewer = await newReviewer();
    const onCommitment = { agreement: AGREEMENT, commitment: commitment.key };
    const onMilestone = { ...onCommitment, milestone: milestone.key };
    const calls = Array.from({ length: 8 }, (_, i) => watch(reviewer, "alpha", i % 2 ? onCommitment : onMilestone));
    await expect(Promise.all(calls)).resolves.toHaveLength(8);

    const entries = await prisma.watchlistEntry.findMany({
      where: { organisationId, userId: reviewer.userId },
      select: { id: true, commitmentId: true, milestoneId: true },
    });
    expect(entries.map((e) => [e.commitmentId, e.milestoneId]).sort()).toEqual(
      [
        [commitment.id, null],
        [null, milestone.id],
      ].sort(),
    );
    const events = await prisma.auditEvent.findMany({
      where: { organisationId, actorUserId: reviewer.userId, action: "watchlist.add" },
      select: { entityId: true },
    });
    expect(events.map((e) => e.entityId).sort()).toEqual(entries.map((e) => e.id).sort());

    // Watching again later changes nothing either.
    await watch(reviewer, "alpha", onCommitment);
    expect(await prisma.watchlistEntry.count({ where: { userId: reviewer.userId } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { actorUserId: reviewer.userId } })).toBe(2);
  });
});

describe.each(engines)("migrating a watchlist with duplicates on %s", (_name, create) => {
  it("keeps each member's oldest entry for a record, and then refuses duplicates", async () => {
    const db = await create({ migrate: false });
    const before = await migrationsBeforeFix();
    const restore = installDatabase(db.database);
    try {
      await db.database.migrate({ migrationsDir: before.dir });
      const prisma = db.prisma;
      const parsed = parseInterchangeText(demoText);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      await importDataset(systemViewer("cli:test"), "alpha", parsed.dataset);
      const organisationId = (await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } })).id;
      const milestone = await prisma.milestone.findFirstOrThrow({ where: { organisationId } });
      // Only the columns of the schema as it stood before the fix: later migrations add some to users.
      const user = await prisma.user.create({
        data: { email: `r-${randomUUID()}@example.org`, name: "Rita" },
        select: { id: true },
      });
      const rows = [
        { commitmentId: milestone.commitmentId, milestoneId: null },
        { commitmentId: null, milestoneId: milestone.id },
      ].flatMap((record) => [0, 1, 2].map((i) => ({ ...record, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) })));
      // The old unique index let all six in: the bug this migration repairs.
      await prisma.watchlistEntry.createMany({
        data: rows.map((row) => ({ organisationId, userId: user.id, ...row })),
      });
      expect(await prisma.watchlistEntry.count()).toBe(6);

      expect((await db.database.migrate()).applied[0]).toBe(FIX);
      const kept = await prisma.watchlistEntry.findMany({ select: { createdAt: true, milestoneId: true } });
      expect(kept.map((e) => e.createdAt.toISOString())).toEqual([
        "2026-01-01T00:00:00.000Z",
        "2026-01-01T00:00:00.000Z",
      ]);
      await expect(
        prisma.watchlistEntry.create({ data: { organisationId, userId: user.id, ...rows[0]! } }),
      ).rejects.toThrow(/Unique constraint/);
    } finally {
      restore();
      await before.remove();
      await db.drop();
    }
  });
});
