/**
 * What members read in the workspace, on both databases: agreements with their drafts, reviewers' comments (which
 * never reach the public reads or the export), each member's own watchlist, and the organisation's history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, systemViewer, type Viewer } from "@/lib/auth/viewer";
import { addComment, listComments } from "@/lib/data/comments";
import { NotFoundError, ValidationError } from "@/lib/data/errors";
import { changedSince, listAuditEvents } from "@/lib/data/history";
import { importDataset } from "@/lib/data/import-dataset";
import { loadDataset } from "@/lib/data/load-dataset";
import { removeMember } from "@/lib/data/members";
import { getPublishedAgreement, getPublishedOrganisation } from "@/lib/data/public";
import { listWatchlist, unwatch, watch } from "@/lib/data/watchlist";
import { getAgreement, listAgreements } from "@/lib/data/workspace";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { serializeInterchange } from "@/lib/domain/interchange";
import type { TestDatabase } from "../support/databases";
import { createMember, DRAFT, demoDataset as demo, demoWithDraft, ENGINES } from "../support/demo";

const cli = systemViewer("cli:test");

describe.each(ENGINES)("workspace reads on %s", (_name, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;
  let reviewer: Viewer;
  let editor: Viewer;
  let otherEditor: Viewer;
  let commitmentKey: string;
  let milestoneKey: string;

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    await importDataset(cli, "alpha", demoWithDraft());
    await importDataset(cli, "beta", demo());
    reviewer = await createMember(prisma, "alpha", "Rita Reviewer", "REVIEWER");
    editor = await createMember(prisma, "alpha", "Eddie Editor", "EDITOR");
    otherEditor = await createMember(prisma, "beta", "Olga Other", "EDITOR");
    const commitment = demo().agreements[0]?.commitments[0];
    const milestone = commitment?.milestones[0];
    if (commitment === undefined || milestone === undefined) throw new Error("the demo has no milestone");
    commitmentKey = commitment.id;
    milestoneKey = milestone.id;
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  describe("agreements", () => {
    it("shows a reviewer of the organisation its drafts beside its published agreements", async () => {
      const { organisation, agreements } = await listAgreements(reviewer, "alpha");
      expect(organisation).toEqual({ slug: "alpha", name: "alpha" });
      expect(agreements.map((a) => [a.slug, a.published])).toEqual(
        expect.arrayContaining([
          [DRAFT, false],
          ["uk-france-small-boats-2025", true],
        ]),
      );
      expect(agreements).toHaveLength(2);
      expect(agreements[0]).toMatchObject({ version: 1, parties: ["GB", "FR"], updatedAt: expect.any(Date) });
    });

    it("reads a draft with its whole tree, all the organisation's sources and every record's version", async () => {
      const result = await getAgreement(reviewer, "alpha", DRAFT);
      const expected = demoWithDraft();
      expect(result.agreement).toEqual(expected.agreements[1]);
      expect(result.sources).toEqual([...expected.sources].sort((a, b) => a.id.localeCompare(b.id)));
      expect(result.versions.agreement).toBe(1);
      expect(result.versions.commitments[commitmentKey]).toBe(1);
      expect(result.versions.milestones[`${commitmentKey}/${milestoneKey}`]).toBe(1);
      const milestones = result.agreement.commitments.flatMap((c) => c.milestones.map((m) => `${c.id}/${m.id}`));
      expect(Object.keys(result.versions.milestones).sort()).toEqual(milestones.sort());
    });

    it("answers NotFoundError to another organisation's editor, to anonymous, and for an unknown agreement", async () => {
      for (const outsider of [otherEditor, ANONYMOUS]) {
        await expect(listAgreements(outsider, "alpha")).rejects.toThrow(NotFoundError);
        await expect(getAgreement(outsider, "alpha", DRAFT)).rejects.toThrow(NotFoundError);
        await expect(getAgreement(outsider, "alpha", "uk-france-small-boats-2025")).rejects.toThrow(NotFoundError);
      }
      await expect(getAgreement(reviewer, "alpha", "no-such-agreement")).rejects.toThrow(NotFoundError);
      // The same answer as for an organisation that does not exist: nothing tells an outsider "alpha" is there.
      const hidden = await listAgreements(otherEditor, "alpha").catch((e: unknown) => e);
      const missing = await listAgreements(otherEditor, "gamma").catch((e: unknown) => e);
      expect((hidden as Error).message.replace("alpha", "gamma")).toBe((missing as Error).message);
    });
  });

  describe("comments", () => {
    it("stores a reviewer's comments on a commitment and a milestone and lists them by record", async () => {
      const onCommitment = await addComment(reviewer, "alpha", {
        agreement: DRAFT,
        commitment: commitmentKey,
        body: "  Is the doctrine's text published?  ",
      });
      expect(onCommitment).toMatchObject({ body: "Is the doctrine's text published?", authorName: "Rita Reviewer" });
      await addComment(editor, "alpha", {
        agreement: DRAFT,
        commitment: commitmentKey,
        milestone: milestoneKey,
        body: "The BBC report says otherwise.",
      });
      await addComment(reviewer, "alpha", {
        agreement: "uk-france-small-boats-2025",
        commitment: commitmentKey,
        body: "Secret note on the published agreement",
      });

      const comments = await listComments(reviewer, "alpha", DRAFT);
      expect(Object.keys(comments).sort()).toEqual([commitmentKey, `${commitmentKey}/${milestoneKey}`].sort());
      expect(comments[commitmentKey]).toEqual([
        {
          id: onCommitment.id,
          body: "Is the doctrine's text published?",
          authorName: "Rita Reviewer",
          createdAt: expect.any(Date),
        },
      ]);
      expect(comments[`${commitmentKey}/${milestoneKey}`]).toMatchObject([
        { body: "The BBC report says otherwise.", authorName: "Eddie Editor" },
      ]);
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: onCommitment.id } });
      expect(event).toMatchObject({
        action: "comment.create",
        entityType: "comment",
        actorUserId: reviewer.kind === "user" ? reviewer.userId : null,
      });
    });

    it("never shows comments in the public reads or in the export", async () => {
      await addComment(reviewer, "alpha", {
        agreement: "uk-france-small-boats-2025",
        commitment: commitmentKey,
        milestone: milestoneKey,
        body: "INTERNAL-ONLY marker",
      });
      const seen = [
        await loadDataset(ANONYMOUS, "alpha", { publicOnly: true }),
        await getPublishedAgreement(ANONYMOUS, "alpha", "uk-france-small-boats-2025"),
        await getPublishedOrganisation(ANONYMOUS, "alpha"),
        serializeInterchange(await loadDataset(cli, "alpha")),
      ];
      expect(seen[1]).not.toBeNull();
      for (const read of seen) {
        const text = typeof read === "string" ? read : JSON.stringify(read);
        expect(text).not.toContain("INTERNAL-ONLY");
        expect(text).not.toContain("Secret note");
      }
    });

    it("refuses an empty or overlong comment, or one with a null character, field by field, writing nothing", async () => {
      const before = await prisma.comment.count();
      for (const body of ["   ", "x".repeat(5001), "a\u0000b"]) {
        const refused = await addComment(reviewer, "alpha", {
          agreement: DRAFT,
          commitment: commitmentKey,
          body,
        }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(ValidationError);
        expect(Object.keys((refused as ValidationError).fieldErrors)).toEqual(["body"]);
      }
      await expect(
        addComment(reviewer, "alpha", { agreement: DRAFT, commitment: commitmentKey, body: "x".repeat(5000) }),
      ).resolves.toMatchObject({ body: "x".repeat(5000) });
      expect(await prisma.comment.count()).toBe(before + 1);
    });

    it("answers NotFoundError for another organisation, anonymous, or a record that is not there", async () => {
      const target = { agreement: DRAFT, commitment: commitmentKey, body: "hello" };
      await expect(addComment(otherEditor, "alpha", target)).rejects.toThrow(NotFoundError);
      await expect(addComment(ANONYMOUS, "alpha", target)).rejects.toThrow(NotFoundError);
      await expect(listComments(otherEditor, "alpha", DRAFT)).rejects.toThrow(NotFoundError);
      await expect(addComment(reviewer, "alpha", { ...target, milestone: "no-such-milestone" })).rejects.toThrow(
        NotFoundError,
      );
      // beta has the same agreement slug: a beta editor commenting in beta does not reach alpha's records.
      await addComment(otherEditor, "beta", { ...target, agreement: "uk-france-small-boats-2025", body: "beta only" });
      expect(JSON.stringify(await listComments(reviewer, "alpha", "uk-france-small-boats-2025"))).not.toContain(
        "beta only",
      );
    });
  });

  describe("watchlist", () => {
    it("keeps each member's own list, once per record", async () => {
      const target = { agreement: DRAFT, commitment: commitmentKey };
      await watch(reviewer, "alpha", target);
      await watch(reviewer, "alpha", target);
      await watch(reviewer, "alpha", { ...target, milestone: milestoneKey });

      const list = await listWatchlist(reviewer, "alpha");
      expect(list.map((i) => [i.agreement.slug, i.commitment.key, i.milestone?.key ?? null])).toEqual([
        [DRAFT, commitmentKey, null],
        [DRAFT, commitmentKey, milestoneKey],
      ]);
      expect(await listWatchlist(editor, "alpha")).toEqual([]);

      await unwatch(reviewer, "alpha", target);
      expect((await listWatchlist(reviewer, "alpha")).map((i) => i.milestone?.key)).toEqual([milestoneKey]);
      const actions = await prisma.auditEvent.findMany({
        where: { action: { startsWith: "watchlist." } },
        orderBy: { id: "asc" },
        select: { action: true },
      });
      expect(actions.map((a) => a.action)).toEqual(["watchlist.add", "watchlist.add", "watchlist.remove"]);
    });

    it("forgets a removed member's watchlist in the organisation", async () => {
      const leaver = await createMember(prisma, "alpha", "Lee Leaver", "REVIEWER");
      if (leaver.kind !== "user") throw new Error("not a user");
      await watch(leaver, "alpha", { agreement: DRAFT, commitment: commitmentKey });
      expect(await prisma.watchlistEntry.count({ where: { userId: leaver.userId } })).toBe(1);
      await removeMember(cli, "alpha", leaver.userId);
      expect(await prisma.watchlistEntry.count({ where: { userId: leaver.userId } })).toBe(0);
    });

    it("answers NotFoundError outside the organisation, and refuses a watchlist to the command line", async () => {
      const target = { agreement: DRAFT, commitment: commitmentKey };
      await expect(watch(otherEditor, "alpha", target)).rejects.toThrow(NotFoundError);
      await expect(listWatchlist(otherEditor, "alpha")).rejects.toThrow(NotFoundError);
      await expect(watch(ANONYMOUS, "alpha", target)).rejects.toThrow(NotFoundError);
      await expect(watch(cli, "alpha", target)).rejects.toThrow(ForbiddenError);
    });
  });

  describe("history", () => {
    it("returns the import event and what came after, not what came before the day, nor another organisation's", async () => {
      const alpha = await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } });
      // The log is append-only: an earlier event can only be inserted with its date, not back-dated.
      await prisma.auditEvent.create({
        data: {
          organisationId: alpha.id,
          actor: "cli:old",
          action: "agreement.update",
          entityType: "agreement",
          entityId: "old",
          createdAt: new Date("2024-01-10T12:00:00Z"),
        },
      });
      const today = new Date().toISOString().slice(0, 10);
      const { events, truncated } = await changedSince(reviewer, "alpha", today);
      expect(truncated).toBe(false);
      const actions = events.map((e) => e.action);
      expect(actions[0]).toBe("organisation.create");
      expect(actions).toContain("organisation.import");
      expect(actions).toContain("comment.create");
      expect(actions.indexOf("organisation.import")).toBeLessThan(actions.indexOf("comment.create"));
      expect(events.map((e) => e.actor)).not.toContain("cli:old");
      expect(JSON.stringify(events)).not.toContain("beta only");
      expect(events.find((e) => e.action === "comment.create")).toMatchObject({
        actor: expect.stringContaining("@example.org"),
        entity: { type: "comment", id: expect.any(String) },
        after: expect.objectContaining({ body: expect.any(String) }),
        createdAt: expect.any(Date),
      });

      const longer = await changedSince(reviewer, "alpha", "2024-01-10");
      expect(longer.events.map((e) => e.actor)).toContain("cli:old");
      await expect(changedSince(reviewer, "alpha", "2025-13-01")).rejects.toThrow(ValidationError);
      await expect(changedSince(otherEditor, "alpha", today)).rejects.toThrow(NotFoundError);
      await expect(changedSince(ANONYMOUS, "alpha", today)).rejects.toThrow(NotFoundError);
    });

    it("pages through the history newest first without skipping or repeating, and filters by record", async () => {
      const all = await prisma.auditEvent.findMany({
        where: { organisation: { slug: "alpha" } },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listAuditEvents(reviewer, "alpha", { limit: 2, cursor });
        expect(page.events.length).toBeLessThanOrEqual(2);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(all.map((e) => e.id.toString()));

      const comments = await listAuditEvents(reviewer, "alpha", { entityType: "comment", limit: 50 });
      expect(comments.events.length).toBeGreaterThan(0);
      expect(comments.events.every((e) => e.entity.type === "comment")).toBe(true);
      const one = comments.events[0];
      if (one === undefined) throw new Error("no comment event");
      const byRecord = await listAuditEvents(reviewer, "alpha", { entityType: "comment", entityId: one.entity.id });
      expect(byRecord.events.map((e) => e.id)).toEqual([one.id]);
      await expect(listAuditEvents(reviewer, "alpha", { cursor: "'; drop" })).rejects.toThrow(ValidationError);
      await expect(listAuditEvents(otherEditor, "alpha")).rejects.toThrow(NotFoundError);
    });
  });
});
