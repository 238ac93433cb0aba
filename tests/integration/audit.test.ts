/**
 * The audit log is append-only at the database level: UPDATE, DELETE and TRUNCATE are refused on both engines,
 * whoever asks. Nothing outside it can change it either: a user who acted cannot be deleted.
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

describe.each(engines)("deleting a user on %s", (_name, create) => {
  let db: TestDatabase;
  let organisationId: string;

  /** A member of the organisation, optionally with one audit event as the actor. */
  async function member(email: string, withHistory: boolean): Promise<string> {
    const user = await db.prisma.user.create({ data: { email, name: email } });
    await db.prisma.membership.create({ data: { organisationId, userId: user.id, role: "EDITOR" } });
    if (withHistory) {
      await db.prisma.auditEvent.create({
        data: {
          organisationId,
          actorUserId: user.id,
          actor: email,
          action: "agreement.update",
          entityType: "agreement",
          entityId: "a1",
        },
      });
    }
    return user.id;
  }

  beforeAll(async () => {
    db = await create();
    organisationId = (await db.prisma.organisation.create({ data: { slug: "org", name: "Org" } })).id;
  });
  afterAll(async () => db?.drop());

  it("is refused by the audit log's foreign key when the user acted, and changes nothing", async () => {
    const userId = await member("acted@example.org", true);
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });

    // Refused by name, not by the append-only trigger's "UPDATE refused" (which ON DELETE SET NULL used to provoke).
    await expect(db.prisma.user.delete({ where: { id: userId } })).rejects.toThrow(/audit_events_actor_user_id_fkey/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM users WHERE id = '${userId}'`)).rejects.toThrow(
      // PostgreSQL 17 (PGlite) says "violates RESTRICT setting of foreign key constraint", 15 leaves out the setting.
      /on table "users" violates (RESTRICT setting of )?foreign key constraint "audit_events_actor_user_id_fkey"/,
    );

    expect(await db.prisma.user.count({ where: { id: userId } })).toBe(1);
    expect(await db.prisma.membership.count({ where: { userId } })).toBe(1);
    expect(await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(events);
  });

  it("still deletes a user who never acted, with their memberships", async () => {
    const userId = await member("never-acted@example.org", false);
    const events = await db.prisma.auditEvent.count();
    await db.prisma.user.delete({ where: { id: userId } });
    expect(await db.prisma.membership.count({ where: { userId } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });
});
