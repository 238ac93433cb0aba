/**
 * Organisation membership through the data layer on both databases: invite links (single use, expiring, revocable),
 * role changes and removals by admins with their audit events, 404 for outsiders and 403 for members who may only
 * look, and an organisation that always keeps an admin, even under concurrent demotions.
 */
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, type Role, type Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/data/errors";
import {
  InviteError,
  acceptInvite,
  changeRole,
  createInvite,
  describeInvite,
  listInvites,
  listMembers,
  listOrganisationsForViewer,
  removeMember,
  revokeInvite,
} from "@/lib/data/members";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A viewer as the session would build it: from the user's rows as the database holds them now. */
async function viewerOf(prisma: PrismaClient, userId: string): Promise<Viewer> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { organisation: true } } },
  });
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisation: m.organisation.slug,
      organisationName: m.organisation.name,
      role: m.role,
    })),
  };
}

async function createUser(prisma: PrismaClient, name: string): Promise<string> {
  const user = await prisma.user.create({ data: { email: `${name}-${randomUUID()}@example.org`.toLowerCase(), name } });
  return user.id;
}

interface Organisation {
  slug: string;
  id: string;
  /** User ids by the name given. */
  users: Record<string, string>;
  viewer(name: string): Promise<Viewer>;
}

/** A fresh organisation with members named by role, e.g. { ada: "ADMIN", eve: "EDITOR" }. */
async function createOrganisation(prisma: PrismaClient, members: Record<string, Role>): Promise<Organisation> {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  const organisation = await prisma.organisation.create({ data: { slug, name: `Organisation ${slug}` } });
  const users: Record<string, string> = {};
  for (const [name, role] of Object.entries(members)) {
    const userId = await createUser(prisma, name);
    await prisma.membership.create({ data: { organisationId: organisation.id, userId, role } });
    users[name] = userId;
  }
  return {
    slug,
    id: organisation.id,
    users,
    viewer: (name) => {
      const userId = users[name];
      if (userId === undefined) throw new Error(`no member ${name}`);
      return viewerOf(prisma, userId);
    },
  };
}

function user(org: Organisation, name: string): string {
  const id = org.users[name];
  if (id === undefined) throw new Error(`no member ${name}`);
  return id;
}

async function roleOf(prisma: PrismaClient, org: Organisation, userId: string): Promise<Role | null> {
  const membership = await prisma.membership.findUnique({
    where: { organisationId_userId: { organisationId: org.id, userId } },
  });
  return membership?.role ?? null;
}

async function auditActions(prisma: PrismaClient, org: Organisation): Promise<string[]> {
  const events = await prisma.auditEvent.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" } });
  return events.map((e) => e.action);
}

describe.each(engines)("organisation members on %s", (engine, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  describe("invites", () => {
    it("makes whoever accepts the link a member with the invite's role, and stores only the token's hash", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const before = Date.now();
      const invite = await createInvite(await org.viewer("ada"), org.slug, { role: "EDITOR" });

      expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(invite.path).toBe(`/invite/${invite.token}`);
      expect(invite.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
      expect(invite.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);
      const stored = await prisma.invite.findUniqueOrThrow({ where: { id: invite.id } });
      expect(stored.tokenHash).toBe(createHash("sha256").update(invite.token).digest("hex"));
      expect(JSON.stringify(stored)).not.toContain(invite.token);

      expect(await describeInvite(invite.token)).toMatchObject({
        state: "valid",
        role: "EDITOR",
        organisation: { slug: org.slug, name: `Organisation ${org.slug}` },
      });

      const newcomer = await createUser(prisma, "Nell");
      expect(await acceptInvite(newcomer, invite.token)).toEqual({
        organisation: { slug: org.slug, name: `Organisation ${org.slug}` },
        role: "EDITOR",
      });
      expect(await roleOf(prisma, org, newcomer)).toBe("EDITOR");
      expect((await listMembers(await org.viewer("ada"), org.slug)).map((m) => [m.name, m.role])).toEqual([
        ["ada", "ADMIN"],
        ["Nell", "EDITOR"],
      ]);
      expect(await describeInvite(invite.token)).toMatchObject({ state: "used" });
      expect(await auditActions(prisma, org)).toEqual(["invite.create", "membership.create"]);
      const audit = await prisma.auditEvent.findMany({ where: { organisationId: org.id } });
      expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
        invite.token,
      );
    });

    it("refuses a second use of the same link", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const { token } = await createInvite(await org.viewer("ada"), org.slug, { role: "REVIEWER" });
      await acceptInvite(await createUser(prisma, "first"), token);
      const second = await createUser(prisma, "second");

      const refused = await acceptInvite(second, token).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InviteError);
      expect(refused).toMatchObject({ reason: "used" });
      expect(await roleOf(prisma, org, second)).toBeNull();
    });

    it("refuses an expired link", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const invite = await createInvite(await org.viewer("ada"), org.slug, { role: "EDITOR" });
      await prisma.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const newcomer = await createUser(prisma, "late");

      expect(await describeInvite(invite.token)).toMatchObject({ state: "expired" });
      await expect(acceptInvite(newcomer, invite.token)).rejects.toMatchObject({
        name: "InviteError",
        reason: "expired",
        message: expect.stringContaining("expired"),
      });
      expect(await roleOf(prisma, org, newcomer)).toBeNull();
    });

    it("refuses a revoked link, and revoking twice is a conflict", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const admin = await org.viewer("ada");
      const invite = await createInvite(admin, org.slug, { role: "ADMIN" });
      await revokeInvite(admin, org.slug, invite.id);
      const newcomer = await createUser(prisma, "nobody");

      expect(await describeInvite(invite.token)).toMatchObject({ state: "revoked" });
      await expect(acceptInvite(newcomer, invite.token)).rejects.toMatchObject({ reason: "revoked" });
      await expect(revokeInvite(admin, org.slug, invite.id)).rejects.toThrow(ConflictError);
      expect(await roleOf(prisma, org, newcomer)).toBeNull();
      expect((await listInvites(admin, org.slug)).map((i) => i.state)).toEqual(["revoked"]);
      expect(await auditActions(prisma, org)).toEqual(["invite.create", "invite.revoke"]);
    });

    it("answers 'unknown' for a link that was never issued, and refuses it", async () => {
      const newcomer = await createUser(prisma, "guess");
      expect(await describeInvite("not-a-token")).toEqual({ state: "unknown" });
      const wellFormed = Buffer.alloc(32, 7).toString("base64url");
      expect(await describeInvite(wellFormed)).toEqual({ state: "unknown" });
      await expect(acceptInvite(newcomer, wellFormed)).rejects.toMatchObject({ reason: "unknown" });
    });

    it("leaves the link unused when a member opens it", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", rex: "REVIEWER" });
      const { token } = await createInvite(await org.viewer("ada"), org.slug, { role: "ADMIN" });
      await expect(acceptInvite(user(org, "rex"), token)).rejects.toMatchObject({ reason: "already-member" });
      expect(await roleOf(prisma, org, user(org, "rex"))).toBe("REVIEWER");
      expect(await describeInvite(token)).toMatchObject({ state: "valid" });
    });

    it("refuses an invite with a role that does not exist, field by field", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const refused = await createInvite(await org.viewer("ada"), org.slug, {
        role: "OWNER" as Role,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fieldErrors).toEqual({ role: [expect.stringContaining("Choose a role")] });
      expect(await prisma.invite.count({ where: { organisationId: org.id } })).toBe(0);
    });
  });

  describe("roles and removal", () => {
    it("lets an admin change a role and remove a member, one audit event each", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", eve: "EDITOR" });
      const admin = await org.viewer("ada");
      const eve = user(org, "eve");

      const changed = await changeRole(admin, org.slug, eve, "REVIEWER", "EDITOR");
      expect(changed).toMatchObject({ userId: eve, role: "REVIEWER" });
      expect(await roleOf(prisma, org, eve)).toBe("REVIEWER");
      const change = await prisma.auditEvent.findFirstOrThrow({
        where: { organisationId: org.id },
        orderBy: { id: "desc" },
      });
      expect(change).toMatchObject({
        action: "membership.role.change",
        entityType: "membership",
        actorUserId: user(org, "ada"),
        before: { role: "EDITOR" },
        after: { role: "REVIEWER" },
      });

      await removeMember(admin, org.slug, eve);
      expect(await roleOf(prisma, org, eve)).toBeNull();
      expect(await auditActions(prisma, org)).toEqual(["membership.role.change", "membership.remove"]);
      await expect(removeMember(admin, org.slug, eve)).rejects.toThrow(NotFoundError);
    });

    it("refuses a member or invite id that is no id at all with a message on the field", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const admin = await org.viewer("ada");
      const removal = await removeMember(admin, org.slug, "'; drop").catch((e: unknown) => e);
      expect(removal).toBeInstanceOf(ValidationError);
      expect((removal as ValidationError).fieldErrors).toEqual({ userId: ["Choose a member of the organisation."] });
      const revocation = await revokeInvite(admin, org.slug, "").catch((e: unknown) => e);
      expect((revocation as ValidationError).fieldErrors).toEqual({
        inviteId: ["Choose an invite of the organisation."],
      });
      expect(await auditActions(prisma, org)).toEqual([]);
    });

    it("refuses a role change made on a stale page", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", eve: "EDITOR" });
      const admin = await org.viewer("ada");
      await changeRole(admin, org.slug, user(org, "eve"), "REVIEWER");
      await expect(changeRole(admin, org.slug, user(org, "eve"), "ADMIN", "EDITOR")).rejects.toThrow(ConflictError);
      expect(await roleOf(prisma, org, user(org, "eve"))).toBe("REVIEWER");
    });

    it.each(["eve", "rex"])("refuses %s, a member who is not an admin, with ForbiddenError", async (name) => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", eve: "EDITOR", rex: "REVIEWER" });
      const admin = await org.viewer("ada");
      const invite = await createInvite(admin, org.slug, { role: "REVIEWER" });
      const member = await org.viewer(name);
      const before = await prisma.auditEvent.count();

      await expect(createInvite(member, org.slug, { role: "ADMIN" })).rejects.toThrow(ForbiddenError);
      await expect(changeRole(member, org.slug, user(org, "ada"), "REVIEWER")).rejects.toThrow(ForbiddenError);
      await expect(removeMember(member, org.slug, user(org, "ada"))).rejects.toThrow(ForbiddenError);
      await expect(revokeInvite(member, org.slug, invite.id)).rejects.toThrow(ForbiddenError);
      await expect(listInvites(member, org.slug)).rejects.toThrow(ForbiddenError);
      expect(await prisma.auditEvent.count()).toBe(before);
      expect(await roleOf(prisma, org, user(org, "ada"))).toBe("ADMIN");
      // Looking is allowed: every member sees who else is in the organisation.
      expect(await listMembers(member, org.slug)).toHaveLength(3);
    });

    it("answers NotFoundError to an admin of another organisation and to anonymous, as for no organisation", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", eve: "EDITOR" });
      const invite = await createInvite(await org.viewer("ada"), org.slug, { role: "REVIEWER" });
      const other = await createOrganisation(prisma, { oscar: "ADMIN" });
      const before = await prisma.auditEvent.count();

      for (const outsider of [await other.viewer("oscar"), ANONYMOUS]) {
        await expect(listMembers(outsider, org.slug)).rejects.toThrow(NotFoundError);
        await expect(createInvite(outsider, org.slug, { role: "ADMIN" })).rejects.toThrow(NotFoundError);
        await expect(changeRole(outsider, org.slug, user(org, "eve"), "ADMIN")).rejects.toThrow(NotFoundError);
        await expect(removeMember(outsider, org.slug, user(org, "eve"))).rejects.toThrow(NotFoundError);
        await expect(revokeInvite(outsider, org.slug, invite.id)).rejects.toThrow(NotFoundError);
        await expect(listInvites(outsider, org.slug)).rejects.toThrow(NotFoundError);
      }
      const hidden = await listMembers(await other.viewer("oscar"), org.slug).catch((e: unknown) => e);
      const missing = await listMembers(await other.viewer("oscar"), "no-such-org").catch((e: unknown) => e);
      expect((hidden as Error).message).toBe((missing as Error).message.replace("no-such-org", org.slug));
      // Another organisation's member ids and invite ids mean nothing here either.
      await expect(removeMember(await other.viewer("oscar"), other.slug, user(org, "eve"))).rejects.toThrow(
        NotFoundError,
      );
      await expect(revokeInvite(await other.viewer("oscar"), other.slug, invite.id)).rejects.toThrow(NotFoundError);
      expect(await prisma.auditEvent.count()).toBe(before);
    });

    it("stops an admin demoted since the request began from managing members", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", bob: "ADMIN", eve: "EDITOR" });
      const staleBob = await org.viewer("bob");
      await changeRole(await org.viewer("ada"), org.slug, user(org, "bob"), "EDITOR");
      await expect(changeRole(staleBob, org.slug, user(org, "eve"), "ADMIN")).rejects.toThrow(ForbiddenError);
      await expect(createInvite(staleBob, org.slug, { role: "ADMIN" })).rejects.toThrow(ForbiddenError);
      expect(await roleOf(prisma, org, user(org, "eve"))).toBe("EDITOR");
    });

    it("never removes or demotes the last admin", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", bob: "ADMIN" });
      const ada = await org.viewer("ada");
      await changeRole(ada, org.slug, user(org, "bob"), "EDITOR");

      await expect(removeMember(ada, org.slug, user(org, "ada"))).rejects.toThrow(/last admin/);
      await expect(changeRole(ada, org.slug, user(org, "ada"), "REVIEWER")).rejects.toThrow(ConflictError);
      expect(await roleOf(prisma, org, user(org, "ada"))).toBe("ADMIN");
      // With a second admin again, either can go.
      await changeRole(ada, org.slug, user(org, "bob"), "ADMIN");
      await removeMember(ada, org.slug, user(org, "ada"));
      expect(await roleOf(prisma, org, user(org, "ada"))).toBeNull();
    });

    it("lists the organisations a user can switch between, by name, with the role in each", async () => {
      const first = await createOrganisation(prisma, { ada: "ADMIN" });
      const second = await createOrganisation(prisma, { bob: "ADMIN" });
      await prisma.membership.create({
        data: { organisationId: second.id, userId: user(first, "ada"), role: "REVIEWER" },
      });
      const choices = await listOrganisationsForViewer(await first.viewer("ada"));
      expect(choices).toEqual(
        [
          { slug: first.slug, name: `Organisation ${first.slug}`, role: "ADMIN" },
          { slug: second.slug, name: `Organisation ${second.slug}`, role: "REVIEWER" },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
      expect(await listOrganisationsForViewer(ANONYMOUS)).toEqual([]);
    });
  });

  // Real concurrency needs several connections: PGlite has one, so it runs these one after the other anyway.
  describe.runIf(engine === "PostgreSQL")("under concurrency", () => {
    it("leaves at least one admin when two admins demote each other at the same moment", async () => {
      for (let round = 0; round < 5; round++) {
        const org = await createOrganisation(prisma, { ada: "ADMIN", bob: "ADMIN" });
        const [ada, bob] = [await org.viewer("ada"), await org.viewer("bob")];
        const outcomes = await Promise.allSettled([
          changeRole(ada, org.slug, user(org, "bob"), "EDITOR"),
          changeRole(bob, org.slug, user(org, "ada"), "EDITOR"),
        ]);
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === "rejected");
        // Refused either as the last admin, or because the refused actor is no longer an admin at all.
        expect(refused?.status === "rejected" && refused.reason).toSatisfy(
          (e: unknown) => e instanceof ConflictError || e instanceof ForbiddenError,
        );
        expect(await prisma.membership.count({ where: { organisationId: org.id, role: "ADMIN" } })).toBe(1);
      }
    });

    it("leaves at least one admin when two admins remove each other at the same moment", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN", bob: "ADMIN" });
      const [ada, bob] = [await org.viewer("ada"), await org.viewer("bob")];
      await Promise.allSettled([
        removeMember(ada, org.slug, user(org, "bob")),
        removeMember(bob, org.slug, user(org, "ada")),
      ]);
      expect(await prisma.membership.count({ where: { organisationId: org.id, role: "ADMIN" } })).toBe(1);
    });

    it("lets exactly one of two simultaneous accepts of one link through", async () => {
      const org = await createOrganisation(prisma, { ada: "ADMIN" });
      const { token } = await createInvite(await org.viewer("ada"), org.slug, { role: "EDITOR" });
      const [first, second] = [await createUser(prisma, "one"), await createUser(prisma, "two")];
      const outcomes = await Promise.allSettled([acceptInvite(first, token), acceptInvite(second, token)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { reason: "used" } });
      expect(await prisma.membership.count({ where: { organisationId: org.id } })).toBe(2);
    });
  });
});
