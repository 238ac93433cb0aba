/**
 * The audit log is append-only at the database level: UPDATE, DELETE and TRUNCATE are refused on both engines,
 * whoever asks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("the audit log on %s", (_name, create) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await create();
    await db.prisma.auditEvent.create({
      data: { actor: "cli:test", action: "test.insert", entityType: "test", entityId: "1", reason: "first" },
    });
  });
  afterAll(async () => db?.drop());

  it("accepts new events", async () => {
    await db.prisma.auditEvent.create({
      data: { actor: "cli:test", action: "test.insert", entityType: "test", entityId: "2" },
    });
    expect(await db.prisma.auditEvent.count()).toBe(2);
  });

  it("refuses to change an event", async () => {
    await expect(db.prisma.auditEvent.updateMany({ data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE audit_events SET reason = 'rewritten'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    expect(await db.prisma.auditEvent.count({ where: { reason: "rewritten" } })).toBe(0);
  });

  it("refuses to delete or truncate events", async () => {
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await db.prisma.auditEvent.count()).toBe(2);
  });
});
