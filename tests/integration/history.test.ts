/**
 * The organisation's history names records as people know them, on both databases: an agreement, commitment,
 * milestone, source or indicator by its title, a comment as "a comment on <record>", a membership by the member's
 * email, with where each is in the workspace; a record deleted since keeps its id and no title. Titles are read in a
 * bounded number of queries per page, never one per event. A commitment's or milestone's own history includes the
 * comments on it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { addComment } from "@/lib/data/comments";
import { createSource, linkEvidence, recordObservation, updateMilestone } from "@/lib/data/commands";
import { changedSince, listAuditEvents, type AuditEventView } from "@/lib/data/history";
import { importDataset } from "@/lib/data/import-dataset";
import { createInvite, removeMember } from "@/lib/data/members";
import { unwatch, watch } from "@/lib/data/watchlist";
import { installDatabase, type Database, type PrismaClient } from "@/lib/db/client";
import type { TestDatabase } from "../support/databases";
import { createMember, DRAFT, demoDataset as demo, demoWithDraft, ENGINES } from "../support/demo";

const cli = systemViewer("cli:test");
const AGREEMENT = "uk-france-small-boats-2025";
const COMMITMENT = "maritime-interception";
const MILESTONE = "adopt-doctrine";

/** The one event of `action` on a page (the newest when there are several). */
function eventOf(events: readonly AuditEventView[], action: string): AuditEventView {
  const found = events.filter((e) => e.action === action).at(-1);
  if (found === undefined) throw new Error(`no ${action} event among ${events.map((e) => e.action).join(", ")}`);
  return found;
}

describe.each(ENGINES)("the history's records on %s", (_name, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;
  let reviewer: Viewer;
  let events: AuditEventView[];
  let leaver: { userId: string; email: string };

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    await importDataset(cli, "alpha", demoWithDraft());
    await importDataset(cli, "beta", demo());
    reviewer = await createMember(prisma, "alpha", "Rita", "REVIEWER");
    const onMilestone = { agreement: AGREEMENT, commitment: COMMITMENT, milestone: MILESTONE };

    await addComment(reviewer, "alpha", { ...onMilestone, body: "On the milestone." });
    await addComment(reviewer, "alpha", { agreement: AGREEMENT, commitment: COMMITMENT, body: "On the commitment." });
    await watch(reviewer, "alpha", onMilestone);
    await createSource(cli, "alpha", {
      id: "le-monde-2025-12",
      outlet: "Le Monde",
      title: "[Doctrine published]",
      published: "2025-12-01",
      kind: "MEDIA_REPORT",
    });
    await linkEvidence(cli, "alpha", { ...onMilestone, source: "le-monde-2025-12", stance: "SUPPORTS", quote: "Q." });
    await recordObservation(cli, "alpha", {
      agreement: AGREEMENT,
      commitment: "one-in-one-out",
      indicator: "people-removed",
      on: "2025-12",
      value: 60,
      source: "le-monde-2025-12",
      quote: "60 people.",
    });
    await createInvite(cli, "alpha", { role: "EDITOR" });
    const stayer = await createMember(prisma, "alpha", "Stan", "REVIEWER");
    await prisma.auditEvent.create({
      data: {
        organisationId: (await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } })).id,
        actor: "cli:test",
        action: "membership.note",
        entityType: "membership",
        entityId: (await prisma.membership.findFirstOrThrow({ where: { userId: stayer.userId } })).id,
      },
    });
    leaver = await createMember(prisma, "alpha", "Lee", "REVIEWER");
    await removeMember(cli, "alpha", leaver.userId);
    // Records deleted since: the draft's tree (replaced by a new import) and an unwatched entry.
    await updateMilestone(cli, "alpha", {
      agreement: DRAFT,
      commitment: COMMITMENT,
      milestone: MILESTONE,
      expectedVersion: 1,
      title: "Draft milestone, renamed",
      owner: "G",
      deadline: null,
    });
    const draftOnly = demo().agreements[0];
    if (draftOnly === undefined) throw new Error("no agreement");
    await importDataset(
      cli,
      "alpha",
      { ...demo(), agreements: [{ ...draftOnly, slug: DRAFT, title: "A draft copy", published: false }] },
      { replace: true },
    );
    await unwatch(reviewer, "alpha", { agreement: AGREEMENT, commitment: COMMITMENT });
    await watch(reviewer, "alpha", { agreement: AGREEMENT, commitment: COMMITMENT });
    await unwatch(reviewer, "alpha", { agreement: AGREEMENT, commitment: COMMITMENT });

    events = (await listAuditEvents(reviewer, "alpha", { limit: 200 })).events;
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("names the organisation, and each edited record by its title, with its place in the workspace", () => {
    expect(eventOf(events, "organisation.import").entity).toMatchObject({
      type: "organisation",
      title: "alpha",
      place: { kind: "organisation" },
    });
    expect(eventOf(events, "source.create").entity).toMatchObject({
      type: "source",
      title: "[Doctrine published] (Le Monde)",
      place: null,
    });
    expect(eventOf(events, "evidence.link").entity).toMatchObject({
      type: "evidence",
      title: expect.stringMatching(/^evidence on .+ from \[Doctrine published\]$/),
      place: { kind: "milestone", agreement: AGREEMENT, commitment: COMMITMENT, milestone: MILESTONE },
    });
    const indicator = demo().agreements[0]?.commitments[1]?.indicators[0];
    expect(eventOf(events, "indicator.observation.record").entity).toMatchObject({
      type: "indicator",
      title: indicator?.title,
      place: { kind: "commitment", agreement: AGREEMENT, commitment: "one-in-one-out" },
    });
  });

  it("names a comment by the record it is on, and a watch by what is watched", () => {
    const milestone = demo().agreements[0]?.commitments[0]?.milestones[0];
    const commitment = demo().agreements[0]?.commitments[0];
    const comments = events.filter((e) => e.action === "comment.create").map((e) => e.entity);
    expect(comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: `a comment on ${milestone?.title}`,
          place: { kind: "milestone", agreement: AGREEMENT, commitment: COMMITMENT, milestone: MILESTONE },
        }),
        expect.objectContaining({
          title: `a comment on ${commitment?.title}`,
          place: { kind: "commitment", agreement: AGREEMENT, commitment: COMMITMENT },
        }),
      ]),
    );
    const watching = events.filter((e) => e.action === "watchlist.add").map((e) => e.entity.title);
    expect(watching).toContain(`watching ${milestone?.title}`);
  });

  it("names a membership by the member's email and an invite by its role, on the members page", () => {
    expect(eventOf(events, "membership.note").entity).toMatchObject({
      title: expect.stringMatching(/^stan-.*@example\.org$/i),
      place: { kind: "members" },
    });
    expect(eventOf(events, "invite.create").entity).toMatchObject({
      title: "an invite as editor",
      place: { kind: "members" },
    });
  });

  it("keeps the id of a record deleted since, without a title", async () => {
    const removed = eventOf(events, "membership.remove");
    expect(removed.entity).toEqual({ type: "membership", id: expect.any(String), title: null, place: null });
    const renamed = eventOf(events, "milestone.update");
    expect(renamed.entity).toMatchObject({ type: "milestone", title: null, place: null });
    expect(await prisma.milestone.count({ where: { id: renamed.entity.id } })).toBe(0);
    const unwatched = events.filter((e) => e.action === "watchlist.remove").map((e) => e.entity);
    expect(unwatched.length).toBeGreaterThan(0);
    for (const entity of unwatched) expect(entity.title).toBeNull();
  });

  it("describes the record a page is filtered to, and the same records in changedSince", async () => {
    const milestoneId = (
      await prisma.milestone.findFirstOrThrow({
        where: {
          key: MILESTONE,
          commitment: { key: COMMITMENT, agreement: { slug: AGREEMENT, organisation: { slug: "alpha" } } },
        },
      })
    ).id;
    const page = await listAuditEvents(reviewer, "alpha", { entityType: "milestone", entityId: milestoneId });
    expect(page.subject).toMatchObject({ type: "milestone", id: milestoneId, place: { kind: "milestone" } });
    expect(page.subject?.title).toBe(demo().agreements[0]?.commitments[0]?.milestones[0]?.title);
    const gone = await listAuditEvents(reviewer, "alpha", { entityType: "agreement", entityId: randomUUID() });
    expect(gone.subject).toMatchObject({ title: null });
    expect((await listAuditEvents(reviewer, "alpha")).subject).toBeNull();

    const since = await changedSince(reviewer, "alpha", "2020-01-01");
    const byId = new Map(events.map((e) => [e.id, e.entity]));
    for (const event of since.events) if (byId.has(event.id)) expect(event.entity).toEqual(byId.get(event.id));
  });

  it("lists the comments on a milestone in its history, and a commitment's own comments in the commitment's", async () => {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } });
    const milestone = await prisma.milestone.findFirstOrThrow({
      where: {
        organisationId: organisation.id,
        key: MILESTONE,
        commitment: { key: COMMITMENT, agreement: { slug: AGREEMENT } },
      },
      select: { id: true, commitmentId: true },
    });
    const body = (e: AuditEventView) => (e.after as { body?: string } | null)?.body;
    const ofMilestone = await listAuditEvents(reviewer, "alpha", { entityType: "milestone", entityId: milestone.id });
    expect(ofMilestone.events.filter((e) => e.action === "comment.create").map(body)).toEqual(["On the milestone."]);
    expect(ofMilestone.events.every((e) => e.entity.type === "comment" || e.entity.id === milestone.id)).toBe(true);

    const ofCommitment = await listAuditEvents(reviewer, "alpha", {
      entityType: "commitment",
      entityId: milestone.commitmentId,
    });
    expect(ofCommitment.events.filter((e) => e.action === "comment.create").map(body)).toEqual(["On the commitment."]);

    // A later comment comes first (newest first), and paging one event at a time sees the same events.
    await addComment(reviewer, "alpha", {
      agreement: AGREEMENT,
      commitment: COMMITMENT,
      milestone: MILESTONE,
      body: "A second one.",
    });
    const all = await listAuditEvents(reviewer, "alpha", { entityType: "milestone", entityId: milestone.id });
    expect(body(all.events[0]!)).toBe("A second one.");
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listAuditEvents(reviewer, "alpha", {
        entityType: "milestone",
        entityId: milestone.id,
        limit: 1,
        cursor,
      });
      paged.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.events.map((e) => e.id));

    // Filtering by the comment itself still gives that comment's events only.
    const comment = all.events[0]!.entity;
    const ofComment = await listAuditEvents(reviewer, "alpha", { entityType: "comment", entityId: comment.id });
    expect(ofComment.events.map((e) => e.id)).toEqual([all.events[0]!.id]);
  });

  it("never names another organisation's records, even given their ids", async () => {
    const beta = await prisma.organisation.findUniqueOrThrow({ where: { slug: "beta" } });
    const betaMilestone = await prisma.milestone.findFirstOrThrow({ where: { organisationId: beta.id } });
    const page = await listAuditEvents(reviewer, "alpha", { entityType: "milestone", entityId: betaMilestone.id });
    expect(page.events).toEqual([]);
    expect(page.subject).toMatchObject({ id: betaMilestone.id, title: null, place: null });
  });

  it("reads the titles of a whole page in a bounded number of queries, not one per event", async () => {
    const operations: string[] = [];
    const counting = db.prisma.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          operations.push(`${model ?? ""}.${operation}`);
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const restoreCounting = installDatabase({ ...db.database, prisma: counting } satisfies Database);
    try {
      const small = await listAuditEvents(reviewer, "alpha", { limit: 3 });
      const smallCount = operations.length;
      operations.length = 0;
      const large = await listAuditEvents(reviewer, "alpha", { limit: 200 });
      expect(large.events.length).toBeGreaterThan(small.events.length + 10);
      const types = new Set(large.events.map((e) => e.entity.type));
      // The organisation, the page, then at most one query per entity type.
      expect(operations.slice(0, 2)).toEqual(["Organisation.findUnique", "AuditEvent.findMany"]);
      expect(operations.length).toBeLessThanOrEqual(2 + types.size);
      expect(smallCount).toBeLessThanOrEqual(2 + 3);
    } finally {
      restoreCounting();
    }
  });
});
