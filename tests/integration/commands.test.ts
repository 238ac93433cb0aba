/**
 * The editing commands (lib/data/commands) on both databases: each accepted write changes what it says and records
 * exactly one audit event; a stale version, a reviewer, another organisation's editor and another organisation's
 * records are refused and write nothing; health computed from the database follows a status update.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { ANONYMOUS, systemViewer, type Role, type Viewer } from "@/lib/auth/viewer";
import {
  commands,
  createAgreement,
  createCommitment,
  createIndicator,
  createMilestone,
  createSource,
  linkEvidence,
  moveMilestone,
  recordDeadlineChange,
  recordObservation,
  recordStatusUpdate,
  removeEvidence,
  setAgreementPublished,
  updateAgreement,
  updateCommitment,
  updateEvidence,
  updateMilestone,
  updateSource,
} from "@/lib/data/commands";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/data/errors";
import { importDocument } from "@/lib/data/import-dataset";
import { loadDataset } from "@/lib/data/load-dataset";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { evaluateDataset } from "@/lib/domain/health";
import type { CommandName } from "@/lib/domain/schemas";
import type { Dataset } from "@/lib/domain/types";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { rowCounts } from "../support/counts";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:test");

const AGREEMENT = "uk-france-small-boats-2025";
const DOCTRINE = { agreement: AGREEMENT, commitment: "maritime-interception", milestone: "adopt-doctrine" };
const DEPLOY = { agreement: AGREEMENT, commitment: "maritime-interception", milestone: "deploy-tactics" };
const INDICATOR = { agreement: AGREEMENT, commitment: "one-in-one-out", indicator: "people-removed" };

/** The demo again under other keys: the records of the organisation "other". */
const otherText = demoText
  .replaceAll(AGREEMENT, "other-agreement")
  .replaceAll('"maritime-interception"', '"other-commitment"')
  .replaceAll('"adopt-doctrine"', '"other-milestone"')
  .replaceAll('"people-removed"', '"other-indicator"')
  .replaceAll("bbc-2025-10-23", "other-source");

const TIMESTAMP = /\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC/;

/** Every versioned row as it is: "nothing changed" also for updates, which do not change counts. */
async function versions(prisma: PrismaClient): Promise<unknown[]> {
  const byId = { orderBy: { id: "asc" as const } };
  return [
    await prisma.agreement.findMany({ ...byId, select: { id: true, version: true, title: true, published: true } }),
    await prisma.commitment.findMany({ ...byId, select: { id: true, version: true, title: true } }),
    await prisma.milestone.findMany({ ...byId, select: { id: true, version: true, title: true, position: true } }),
    await prisma.source.findMany({ ...byId, select: { id: true, version: true, title: true } }),
    await prisma.evidenceLink.findMany({ ...byId, select: { id: true, version: true, quote: true } }),
    await prisma.indicator.findMany({ ...byId, select: { id: true, version: true } }),
  ];
}

async function snapshot(prisma: PrismaClient): Promise<unknown> {
  return { counts: await rowCounts(prisma), versions: await versions(prisma) };
}

function health(dataset: Dataset, asOf: string, milestone: string): string | undefined {
  return evaluateDataset(dataset, asOf)
    .agreements.flatMap((a) => a.commitments)
    .flatMap((c) => c.milestones)
    .find((m) => m.id === milestone)?.health;
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("editing commands on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;
  let editor: Viewer;
  let secondEditor: Viewer;
  let reviewer: Viewer;
  let otherEditor: Viewer;
  /** An evidence link of the demo's adopt-doctrine milestone, and one of the other organisation. */
  let demoEvidence: string;
  let otherEvidence: string;

  async function user(email: string, organisation: string, role: Role): Promise<Viewer> {
    const row = await db.prisma.user.create({ data: { email, name: email.split("@")[0] ?? email } });
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: organisation } });
    await db.prisma.membership.create({ data: { organisationId: org.id, userId: row.id, role } });
    return {
      kind: "user",
      userId: row.id,
      email: row.email,
      name: row.name,
      memberships: [{ organisationId: org.id, organisation: org.slug, organisationName: org.name, role }],
    };
  }

  async function firstEvidenceOf(organisation: string, milestoneKey: string): Promise<string> {
    const link = await db.prisma.evidenceLink.findFirstOrThrow({
      where: { organisation: { slug: organisation }, milestone: { key: milestoneKey } },
      orderBy: { position: "asc" },
    });
    return link.id;
  }

  /** A valid input of every command against the demo's own records, as a form loaded now would send it. */
  function demoInputs(): Record<CommandName, unknown> {
    return {
      createAgreement: {
        slug: "a-new-agreement",
        title: "A new agreement",
        summary: "What was agreed.",
        parties: ["GB", "FR"],
        announced: "2025-12",
      },
      updateAgreement: {
        agreement: AGREEMENT,
        expectedVersion: 1,
        title: "Retitled",
        summary: "Summary",
        parties: ["GB", "FR"],
        announced: "2025-07",
        settings: { staleAfterDays: 30, warnBeforeDays: 7 },
      },
      setAgreementPublished: { agreement: AGREEMENT, expectedVersion: 1, published: false },
      createCommitment: {
        agreement: AGREEMENT,
        id: "a-new-commitment",
        title: "Something",
        responsible: "GB",
        owner: "Home Office",
      },
      updateCommitment: {
        agreement: AGREEMENT,
        commitment: "maritime-interception",
        expectedVersion: 1,
        title: "Retitled",
        description: "",
        responsible: "FR",
        owner: "Gendarmerie",
        tags: [],
        weight: 2,
      },
      createMilestone: {
        agreement: AGREEMENT,
        commitment: "maritime-interception",
        id: "a-new-milestone",
        title: "Something",
        owner: "Gendarmerie",
      },
      updateMilestone: { ...DOCTRINE, expectedVersion: 1, title: "Retitled", owner: "Gendarmerie", deadline: null },
      moveMilestone: { ...DOCTRINE, expectedVersion: 1, position: 1 },
      recordStatusUpdate: {
        ...DEPLOY,
        on: "2025-12-01",
        status: "IN_PROGRESS",
        rationale: "Started.",
        sources: ["times-2025-11"],
      },
      recordDeadlineChange: {
        ...DEPLOY,
        on: "2025-12",
        to: "2026-Q1",
        reason: "Postponed.",
        sources: ["times-2025-11"],
      },
      createSource: {
        id: "a-new-source",
        outlet: "BBC",
        title: "[A report]",
        published: "2025-12-02",
        kind: "MEDIA_REPORT",
      },
      updateSource: {
        source: "times-2025-11",
        expectedVersion: 1,
        outlet: "The Times",
        title: "[Retitled]",
        published: "2025-11",
        kind: "MEDIA_REPORT",
      },
      linkEvidence: { ...DEPLOY, source: "times-2025-11", stance: "SUPPORTS", quote: "A quote." },
      updateEvidence: { ...DOCTRINE, evidence: demoEvidence, expectedVersion: 1, stance: "NEUTRAL", quote: "Q." },
      removeEvidence: { ...DOCTRINE, evidence: demoEvidence, expectedVersion: 1, reason: "Linked in error." },
      createIndicator: {
        agreement: AGREEMENT,
        commitment: "one-in-one-out",
        id: "a-new-indicator",
        title: "Crossings",
        unit: "people",
      },
      recordObservation: { ...INDICATOR, on: "2025-12", value: 200, source: "times-2025-11", quote: "200 people." },
    };
  }

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    expect((await importDocument(cli, "demo", demoText)).ok).toBe(true);
    expect((await importDocument(cli, "other", otherText)).ok).toBe(true);
    editor = await user("editor@demo.accordwatch.test", "demo", "EDITOR");
    secondEditor = await user("admin@demo.accordwatch.test", "demo", "ADMIN");
    reviewer = await user("reviewer@demo.accordwatch.test", "demo", "REVIEWER");
    otherEditor = await user("editor@other.accordwatch.test", "other", "EDITOR");
    demoEvidence = await firstEvidenceOf("demo", "adopt-doctrine");
    otherEvidence = await firstEvidenceOf("other", "other-milestone");
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("has a valid demo input for every command in the registry", () => {
    expect(Object.keys(demoInputs()).sort()).toEqual(commands.map((c) => c.name).sort());
    for (const command of commands) expect(command.schema.safeParse(demoInputs()[command.name]).success).toBe(true);
  });

  describe("refusals write nothing", () => {
    it.each(commands.map((c) => [c.name, c] as const))("%s refuses a reviewer with ForbiddenError", async (_n, c) => {
      const before = await snapshot(db.prisma);
      await expect(c.run(reviewer, "demo", demoInputs()[c.name])).rejects.toThrow(ForbiddenError);
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it.each(commands.map((c) => [c.name, c] as const))(
      "%s answers NotFoundError to an editor of another organisation and to the public",
      async (_n, c) => {
        const before = await snapshot(db.prisma);
        await expect(c.run(otherEditor, "demo", demoInputs()[c.name])).rejects.toThrow(NotFoundError);
        await expect(c.run(ANONYMOUS, "demo", demoInputs()[c.name])).rejects.toThrow(NotFoundError);
        // The same answer as for an organisation that does not exist: nobody learns which ones do.
        await expect(c.run(otherEditor, "demo", demoInputs()[c.name])).rejects.toThrow(
          'There is no organisation "demo".',
        );
        await expect(c.run(editor, "no-such-org", demoInputs()[c.name])).rejects.toThrow(
          'There is no organisation "no-such-org".',
        );
        expect(await snapshot(db.prisma)).toEqual(before);
      },
    );

    /** Inputs naming a record of the organisation "other" while acting in "demo". */
    const otherRecords: Array<[CommandName, () => Record<string, unknown>]> = [
      ["updateAgreement", () => ({ agreement: "other-agreement" })],
      ["setAgreementPublished", () => ({ agreement: "other-agreement" })],
      ["createCommitment", () => ({ agreement: "other-agreement" })],
      ["updateCommitment", () => ({ agreement: "other-agreement", commitment: "other-commitment" })],
      ["createMilestone", () => ({ agreement: "other-agreement", commitment: "other-commitment" })],
      ["updateMilestone", () => ({ agreement: "other-agreement", commitment: "other-commitment" })],
      ["moveMilestone", () => ({ commitment: "other-commitment", milestone: "other-milestone" })],
      ["recordStatusUpdate", () => ({ milestone: "other-milestone" })],
      ["recordDeadlineChange", () => ({ milestone: "other-milestone" })],
      ["updateSource", () => ({ source: "other-source" })],
      ["linkEvidence", () => ({ milestone: "other-milestone" })],
      ["updateEvidence", () => ({ evidence: otherEvidence })],
      ["removeEvidence", () => ({ evidence: otherEvidence })],
      ["createIndicator", () => ({ agreement: "other-agreement", commitment: "other-commitment" })],
      ["recordObservation", () => ({ indicator: "other-indicator" })],
    ];

    it.each(otherRecords)("%s answers NotFoundError for a record of another organisation", async (name, change) => {
      const command = commands.find((c) => c.name === name);
      if (!command) throw new Error(`no command ${name}`);
      const input = { ...(demoInputs()[name] as Record<string, unknown>), ...change() };
      const before = await snapshot(db.prisma);
      await expect(command.run(editor, "demo", input)).rejects.toThrow(NotFoundError);
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it("refuses to cite another organisation's source, as one that does not exist", async () => {
      const before = await snapshot(db.prisma);
      const input = { ...(demoInputs().recordStatusUpdate as object), sources: ["times-2025-11", "other-source"] };
      const error = await recordStatusUpdate(editor, "demo", input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual({
        "sources[1]": ['there is no source "other-source": add it first'],
      });
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it.each(commands.map((c) => [c.name, c] as const))(
      "%s refuses an input with an unknown field, writing nothing",
      async (name, c) => {
        const before = await snapshot(db.prisma);
        const input = { ...(demoInputs()[name] as Record<string, unknown>), organisationId: "x" };
        await expect(c.run(editor, "demo", input)).rejects.toMatchObject({
          name: "ValidationError",
          fieldErrors: { organisationId: ['unknown field "organisationId"'] },
        });
        expect(await snapshot(db.prisma)).toEqual(before);
      },
    );

    it("refuses an invalid input field by field before anything else", async () => {
      const before = await snapshot(db.prisma);
      const error = await recordStatusUpdate(reviewer, "demo", {
        ...DEPLOY,
        on: "2025-13",
        status: "DONE",
        rationale: " ",
        sources: [],
        extra: 1,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
        "extra",
        "on",
        "rationale",
        "status",
      ]);
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it("refuses a responsible that is not a party, and parties that would orphan a commitment", async () => {
      const before = await snapshot(db.prisma);
      await expect(
        createCommitment(editor, "demo", { ...(demoInputs().createCommitment as object), responsible: "DE" }),
      ).rejects.toMatchObject({
        fieldErrors: { responsible: ['expected one of the agreement\'s parties (GB, FR) or "joint", got "DE"'] },
      });
      await expect(
        updateAgreement(editor, "demo", { ...(demoInputs().updateAgreement as object), parties: ["GB", "DE"] }),
      ).rejects.toMatchObject({ fieldErrors: { parties: [expect.stringContaining('"maritime-interception"')] } });
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it("refuses a key that exists already", async () => {
      const before = await snapshot(db.prisma);
      await expect(
        createAgreement(editor, "demo", { ...(demoInputs().createAgreement as object), slug: AGREEMENT }),
      ).rejects.toMatchObject({ fieldErrors: { slug: [expect.stringContaining("already")] } });
      await expect(
        createSource(editor, "demo", { ...(demoInputs().createSource as object), id: "times-2025-11" }),
      ).rejects.toMatchObject({ fieldErrors: { id: [expect.stringContaining("already")] } });
      await expect(
        createMilestone(editor, "demo", { ...(demoInputs().createMilestone as object), id: "deploy-tactics" }),
      ).rejects.toMatchObject({ fieldErrors: { id: [expect.stringContaining("already")] } });
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  describe("accepted writes", () => {
    let auditBefore = 0;

    /** The one audit event an accepted write added (and checks there is exactly one). */
    async function theAuditEvent() {
      const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, skip: auditBefore });
      expect(events).toHaveLength(1);
      const [event] = events;
      if (!event) throw new Error("no audit event");
      expect(event.actor).toBe(editor.kind === "user" ? editor.email : "");
      expect(event.actorUserId).toBe(editor.kind === "user" ? editor.userId : "");
      return event;
    }

    beforeAll(async () => {
      auditBefore = await db.prisma.auditEvent.count();
    });

    async function countAudit(): Promise<void> {
      auditBefore = await db.prisma.auditEvent.count();
    }

    it("creates and updates a source", async () => {
      await countAudit();
      expect(
        await createSource(editor, "demo", { ...(demoInputs().createSource as object), url: "https://x.test/a" }),
      ).toEqual({ id: "a-new-source", version: 1 });
      expect(await theAuditEvent()).toMatchObject({
        action: "source.create",
        entityType: "source",
        after: { id: "a-new-source", url: "https://x.test/a", published: "2025-12-02", version: 1 },
      });

      await countAudit();
      const updated = await updateSource(editor, "demo", {
        source: "a-new-source",
        expectedVersion: 1,
        outlet: "Reuters",
        title: "A headline",
        published: "2025-12",
        kind: "STATEMENT",
      });
      expect(updated).toEqual({ id: "a-new-source", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "source.update",
        before: { outlet: "BBC", url: "https://x.test/a", version: 1 },
        after: { outlet: "Reuters", url: null, published: "2025-12", kind: "STATEMENT", version: 2 },
      });
      const source = (await loadDataset(editor, "demo")).sources.find((s) => s.id === "a-new-source");
      expect(source).toEqual({
        id: "a-new-source",
        outlet: "Reuters",
        title: "A headline",
        published: { date: "2025-12-01", precision: "MONTH" },
        kind: "STATEMENT",
      });
    });

    it("creates, updates, publishes an agreement", async () => {
      await countAudit();
      expect(await createAgreement(editor, "demo", demoInputs().createAgreement)).toEqual({
        slug: "a-new-agreement",
        version: 1,
      });
      expect(await theAuditEvent()).toMatchObject({
        action: "agreement.create",
        entityType: "agreement",
        after: { slug: "a-new-agreement", published: false, settings: { staleAfterDays: 45, warnBeforeDays: 14 } },
      });

      await countAudit();
      expect(
        await updateAgreement(editor, "demo", {
          agreement: "a-new-agreement",
          expectedVersion: 1,
          title: "  Renamed  ",
          summary: "Summary",
          parties: ["FR", "GB"],
          announced: "2025-Q4",
          settings: { staleAfterDays: 60, warnBeforeDays: 0 },
        }),
      ).toEqual({ slug: "a-new-agreement", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "agreement.update",
        before: { title: "A new agreement", parties: ["GB", "FR"], announced: "2025-12" },
        after: { title: "Renamed", parties: ["FR", "GB"], announced: "2025-Q4", version: 2 },
      });

      await countAudit();
      expect(
        await setAgreementPublished(editor, "demo", {
          agreement: "a-new-agreement",
          expectedVersion: 2,
          published: true,
        }),
      ).toEqual({ slug: "a-new-agreement", version: 3 });
      expect(await theAuditEvent()).toMatchObject({
        action: "agreement.publish",
        before: { published: false },
        after: { published: true, version: 3 },
      });
      const open = await loadDataset(ANONYMOUS, "demo", { publicOnly: true });
      expect(open.agreements.map((a) => a.slug)).toContain("a-new-agreement");
    });

    it("creates and updates a commitment", async () => {
      await countAudit();
      expect(
        await createCommitment(editor, "demo", {
          agreement: "a-new-agreement",
          id: "returns",
          title: "Returns",
          responsible: "joint",
          owner: "Home Office",
          tags: ["returns"],
        }),
      ).toEqual({ agreement: "a-new-agreement", id: "returns", version: 1 });
      expect(await theAuditEvent()).toMatchObject({ action: "commitment.create", entityType: "commitment" });

      await countAudit();
      expect(
        await updateCommitment(editor, "demo", {
          agreement: "a-new-agreement",
          commitment: "returns",
          expectedVersion: 1,
          title: "Returns to France",
          description: "More",
          responsible: "GB",
          owner: "Home Office",
          tags: ["returns", "france"],
          weight: 2.5,
        }),
      ).toEqual({ agreement: "a-new-agreement", id: "returns", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "commitment.update",
        before: { responsible: "joint", weight: 1 },
        after: { responsible: "GB", weight: 2.5, tags: ["returns", "france"] },
      });
    });

    it("creates, updates and moves milestones", async () => {
      const address = { agreement: "a-new-agreement", commitment: "returns" };
      for (const id of ["first", "second", "third"]) {
        await countAudit();
        expect(await createMilestone(editor, "demo", { ...address, id, title: id, owner: "Home Office" })).toEqual({
          ...address,
          id,
          version: 1,
        });
        expect(await theAuditEvent()).toMatchObject({ action: "milestone.create", after: { id, deadline: null } });
      }

      await countAudit();
      expect(
        await updateMilestone(editor, "demo", {
          ...address,
          milestone: "second",
          expectedVersion: 1,
          title: "Second",
          owner: "Border Force",
          deadline: "2026-Q1",
        }),
      ).toEqual({ ...address, id: "second", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "milestone.update",
        before: { title: "second", deadline: null },
        after: { title: "Second", owner: "Border Force", deadline: "2026-Q1", version: 2 },
      });

      await countAudit();
      expect(
        await moveMilestone(editor, "demo", { ...address, milestone: "third", expectedVersion: 1, position: 0 }),
      ).toEqual({ ...address, id: "third", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "milestone.move",
        before: { position: 2 },
        after: { position: 0 },
      });
      const agreement = (await loadDataset(editor, "demo", { agreement: "a-new-agreement" })).agreements[0];
      expect(agreement?.commitments[0]?.milestones.map((m) => m.id)).toEqual(["third", "first", "second"]);
      expect(agreement?.commitments[0]?.milestones[2]?.deadline).toEqual({ date: "2026-01-01", precision: "QUARTER" });

      await expect(
        moveMilestone(editor, "demo", { ...address, milestone: "first", expectedVersion: 1, position: 3 }),
      ).rejects.toMatchObject({ fieldErrors: { position: ["expected a position from 0 to 2, got 3"] } });
    });

    it("appends status updates and deadline changes to a milestone's history", async () => {
      const address = { agreement: "a-new-agreement", commitment: "returns", milestone: "first" };
      await countAudit();
      expect(
        await recordStatusUpdate(editor, "demo", {
          ...address,
          on: "2025-12",
          status: "NOT_STARTED",
          rationale: "Nothing yet.",
          sources: [],
        }),
      ).toEqual({ agreement: "a-new-agreement", commitment: "returns", id: "first", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "milestone.status.update",
        entityType: "milestone",
        after: { status: "NOT_STARTED", sources: [], version: 2 },
        reason: "Nothing yet.",
      });

      await countAudit();
      expect(
        await recordStatusUpdate(editor, "demo", {
          ...address,
          expectedVersion: 2,
          on: "2025-12-03",
          status: "IN_PROGRESS",
          rationale: "Started, say the two sources.",
          sources: ["a-new-source", "times-2025-11"],
        }),
      ).toMatchObject({ version: 3 });
      expect(await theAuditEvent()).toMatchObject({ reason: "Started, say the two sources." });

      await countAudit();
      expect(
        await recordDeadlineChange(editor, "demo", {
          ...address,
          on: "2025-12-03",
          to: "2026-03",
          reason: "Put back to March.",
          sources: ["a-new-source"],
        }),
      ).toMatchObject({ version: 4 });
      expect(await theAuditEvent()).toMatchObject({
        action: "milestone.deadline.change",
        after: { on: "2025-12-03", to: "2026-03", sources: ["a-new-source"] },
        reason: "Put back to March.",
      });

      const milestone = (
        await loadDataset(editor, "demo", { agreement: "a-new-agreement" })
      ).agreements[0]?.commitments[0]?.milestones.find((m) => m.id === "first");
      expect(milestone?.statusUpdates).toEqual([
        {
          on: { date: "2025-12-01", precision: "MONTH" },
          status: "NOT_STARTED",
          rationale: "Nothing yet.",
          sources: [],
        },
        {
          on: { date: "2025-12-03", precision: "DAY" },
          status: "IN_PROGRESS",
          rationale: "Started, say the two sources.",
          sources: ["a-new-source", "times-2025-11"],
        },
      ]);
      expect(milestone?.deadlineChanges).toEqual([
        {
          on: { date: "2025-12-03", precision: "DAY" },
          to: { date: "2026-03-01", precision: "MONTH" },
          reason: "Put back to March.",
          sources: ["a-new-source"],
        },
      ]);
    });

    it("links, updates and removes evidence", async () => {
      const address = { agreement: "a-new-agreement", commitment: "returns", milestone: "first" };
      await countAudit();
      const linked = await linkEvidence(editor, "demo", {
        ...address,
        source: "a-new-source",
        stance: "INDICATES_DELAY",
        quote: "Not before March.",
      });
      expect(linked).toMatchObject({ ...address, version: 1 });
      expect(await theAuditEvent()).toMatchObject({
        action: "evidence.link",
        entityType: "evidence",
        entityId: linked.evidence,
        after: { source: "a-new-source", stance: "INDICATES_DELAY" },
      });

      await countAudit();
      expect(
        await updateEvidence(editor, "demo", {
          ...address,
          evidence: linked.evidence,
          expectedVersion: 1,
          stance: "CONTRADICTS",
          quote: "Never.",
        }),
      ).toEqual({ ...address, evidence: linked.evidence, version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "evidence.update",
        before: { stance: "INDICATES_DELAY", quote: "Not before March." },
        after: { stance: "CONTRADICTS", quote: "Never.", version: 2 },
      });

      await countAudit();
      expect(
        await removeEvidence(editor, "demo", {
          ...address,
          evidence: linked.evidence,
          expectedVersion: 2,
          reason: "Wrong milestone.",
        }),
      ).toEqual({ ...address, evidence: linked.evidence });
      expect(await theAuditEvent()).toMatchObject({
        action: "evidence.remove",
        before: { stance: "CONTRADICTS", quote: "Never.", source: "a-new-source" },
        after: null,
        reason: "Wrong milestone.",
      });
      expect(await db.prisma.evidenceLink.count({ where: { id: linked.evidence } })).toBe(0);
    });

    it("creates an indicator and records observations", async () => {
      const address = { agreement: "a-new-agreement", commitment: "returns" };
      await countAudit();
      expect(
        await createIndicator(editor, "demo", {
          ...address,
          id: "removed",
          title: "Removed",
          unit: "people",
          target: 0,
        }),
      ).toEqual({ ...address, id: "removed", version: 1 });
      expect(await theAuditEvent()).toMatchObject({ action: "indicator.create", after: { target: 0 } });

      await countAudit();
      expect(
        await recordObservation(editor, "demo", {
          ...address,
          indicator: "removed",
          expectedVersion: 1,
          on: "2025-12",
          value: -1.5,
          source: "a-new-source",
          quote: "Minus one and a half.",
        }),
      ).toEqual({ ...address, id: "removed", version: 2 });
      expect(await theAuditEvent()).toMatchObject({
        action: "indicator.observation.record",
        after: { value: -1.5, source: "a-new-source" },
      });
      const indicator = (await loadDataset(editor, "demo", { agreement: "a-new-agreement" })).agreements[0]
        ?.commitments[0]?.indicators[0];
      expect(indicator).toEqual({
        id: "removed",
        title: "Removed",
        unit: "people",
        target: 0,
        observations: [
          {
            on: { date: "2025-12-01", precision: "MONTH" },
            value: -1.5,
            source: "a-new-source",
            quote: "Minus one and a half.",
          },
        ],
      });
    });
  });

  describe("no lost updates", () => {
    it("refuses a stale milestone form, naming who changed it and when, with the current values", async () => {
      const loaded = await db.prisma.milestone.findFirstOrThrow({
        where: { key: "deploy-tactics", organisation: { slug: "demo" } },
      });
      const form = { ...DEPLOY, expectedVersion: loaded.version, owner: "Gendarmerie maritime", deadline: "2025-11" };
      await updateMilestone(secondEditor, "demo", { ...form, title: "Saved first" });

      const before = await snapshot(db.prisma);
      const error = await updateMilestone(editor, "demo", { ...form, title: "Saved second" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      const conflict = error as ConflictError;
      expect(conflict.message).toMatch(
        new RegExp(
          `^Changed by admin@demo\\.accordwatch\\.test at ${TIMESTAMP.source}; reload to see the current values\\.$`,
        ),
      );
      expect(conflict.changedBy).toBe("admin@demo.accordwatch.test");
      expect(conflict.current).toMatchObject({
        id: "deploy-tactics",
        title: "Saved first",
        version: loaded.version + 1,
      });
      expect(await snapshot(db.prisma)).toEqual(before);
      const events = await db.prisma.auditEvent.findMany({
        where: { entityId: loaded.id, action: "milestone.update" },
      });
      expect(events).toHaveLength(1);
    });

    it("lets exactly one of two simultaneous saves of the same version through", async () => {
      const loaded = await db.prisma.milestone.findFirstOrThrow({
        where: { key: "adopt-doctrine", organisation: { slug: "demo" } },
      });
      const form = { ...DOCTRINE, expectedVersion: loaded.version, owner: "Gendarmerie", deadline: "2025-07" };
      const eventsBefore = await db.prisma.auditEvent.count({ where: { entityId: loaded.id } });
      const outcomes = await Promise.allSettled([
        updateMilestone(editor, "demo", { ...form, title: "Editor's title" }),
        updateMilestone(secondEditor, "demo", { ...form, title: "Admin's title" }),
      ]);
      const accepted = outcomes.filter((o) => o.status === "fulfilled");
      const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(ConflictError);
      expect(await db.prisma.auditEvent.count({ where: { entityId: loaded.id } })).toBe(eventsBefore + 1);
      const saved = await db.prisma.milestone.findUniqueOrThrow({ where: { id: loaded.id } });
      expect(saved.version).toBe(loaded.version + 1);
      expect((refused[0] as ConflictError).current).toMatchObject({ title: saved.title, version: saved.version });
    });

    it("refuses every versioned write with a stale version and writes nothing", async () => {
      // After the accepted writes above, each of these records is at version ≥ 2, so version 1 is stale.
      const stale: Array<[CommandName, Record<string, unknown>]> = [
        ["updateAgreement", { agreement: "a-new-agreement" }],
        ["setAgreementPublished", { agreement: "a-new-agreement" }],
        ["updateCommitment", { agreement: "a-new-agreement", commitment: "returns", responsible: "GB" }],
        ["updateMilestone", { agreement: "a-new-agreement", commitment: "returns", milestone: "first" }],
        ["moveMilestone", { agreement: "a-new-agreement", commitment: "returns", milestone: "first", position: 0 }],
        ["recordStatusUpdate", { agreement: "a-new-agreement", commitment: "returns", milestone: "first" }],
        ["recordDeadlineChange", { agreement: "a-new-agreement", commitment: "returns", milestone: "first" }],
        ["updateSource", { source: "a-new-source" }],
        ["recordObservation", { agreement: "a-new-agreement", commitment: "returns", indicator: "removed" }],
      ];
      for (const [name, change] of stale) {
        const command = commands.find((c) => c.name === name);
        if (!command) throw new Error(`no command ${name}`);
        const input = { ...(demoInputs()[name] as Record<string, unknown>), ...change, expectedVersion: 1 };
        const before = await snapshot(db.prisma);
        const error = await command.run(editor, "demo", input).catch((e: unknown) => e);
        expect(error, name).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).message, name).toMatch(
          new RegExp(`^Changed by editor@demo\\.accordwatch\\.test at ${TIMESTAMP.source}; reload`),
        );
        expect((error as ConflictError).current, name).toBeDefined();
        expect(await snapshot(db.prisma), name).toEqual(before);
      }
    });

    it("refuses a stale evidence update or removal", async () => {
      const link = await linkEvidence(editor, "demo", {
        ...DEPLOY,
        source: "times-2025-11",
        stance: "NEUTRAL",
        quote: "Q.",
      });
      await updateEvidence(editor, "demo", {
        ...DEPLOY,
        evidence: link.evidence,
        expectedVersion: 1,
        stance: "SUPPORTS",
        quote: "Q.",
      });
      const before = await snapshot(db.prisma);
      await expect(
        updateEvidence(secondEditor, "demo", {
          ...DEPLOY,
          evidence: link.evidence,
          expectedVersion: 1,
          stance: "CONTRADICTS",
          quote: "Q.",
        }),
      ).rejects.toMatchObject({ name: "ConflictError", current: { stance: "SUPPORTS", version: 2 } });
      await expect(
        removeEvidence(secondEditor, "demo", {
          ...DEPLOY,
          evidence: link.evidence,
          expectedVersion: 1,
          reason: "Gone.",
        }),
      ).rejects.toThrow(/^Changed by editor@demo\.accordwatch\.test at /);
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  it("recomputes health from the database after a status update", async () => {
    const asOf = "2025-12-10";
    expect(health(await loadDataset(editor, "demo"), asOf, "deploy-tactics")).not.toBe("DONE");
    await recordStatusUpdate(editor, "demo", {
      ...DEPLOY,
      on: "2025-12-09",
      status: "COMPLETE",
      rationale: "Deployed at sea.",
      sources: ["times-2025-11"],
    });
    expect(health(await loadDataset(editor, "demo"), asOf, "deploy-tactics")).toBe("DONE");
    // The record as of a date before the update is unchanged: history is appended, never rewritten.
    expect(health(await loadDataset(editor, "demo"), "2025-12-08", "deploy-tactics")).not.toBe("DONE");
  });
});
