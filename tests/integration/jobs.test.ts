/**
 * The scheduled work (issue 5, item 3) on PGlite and on PostgreSQL, with the demo's records and fixed days (the
 * health engine is pure; nothing here depends on today's date):
 * - the daily evaluation records the demo's health transitions, exactly the changelog's for the same days, and a
 *   second run records nothing;
 * - a record's first evaluation is a baseline that notifies nobody; later transitions notify the members watching
 *   the record in the app, and by email through an SMTP server the test runs;
 * - every transition is POSTed to the organisation's webhook endpoints (HTTP servers the test runs), signed with
 *   HMAC-SHA256 of the body; an endpoint that fails is retried by pg-boss with exponential backoff until it answers,
 *   with the same delivery id; a delivery that succeeded is never sent again.
 * The job library runs for real (lib/jobs/runner.ts, the same runner as `npm run worker` and the app's process);
 * the test waits on outcomes with deadlines, never on fixed sleeps.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { evaluateHealth } from "@/lib/data/health-evaluation";
import { importDocument } from "@/lib/data/import-dataset";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  setEmailLanguage,
} from "@/lib/data/notifications";
import { getViewerForUser } from "@/lib/data/users";
import { watch } from "@/lib/data/watchlist";
import { createWebhookEndpoint } from "@/lib/data/webhooks";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/db/job-queue";
import { agreementChangelog } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { parseJobsEnv, type JobsSettings } from "@/lib/env";
import { sendNotificationEmail } from "@/lib/jobs/email";
import { QUEUES, startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from "@/lib/jobs/signature";
import { deliverWebhook } from "@/lib/jobs/webhook";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const ORG = "demo";
const AGREEMENT = "uk-france-small-boats-2025";
const BASELINE_DAY = "2025-10-01";
const LATER_DAY = "2025-12-15";
const cli = systemViewer("cli:jobs-test");

/** Waits until `check` returns a value that is not undefined (polling every 50 ms), or fails after `ms`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Received {
  readonly at: number;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** An HTTP endpoint on 127.0.0.1 that records every POST and answers `status(request)`. */
async function webhookServer(status: (deliveryId: string, seen: number) => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      const id = String(request.headers[DELIVERY_HEADER.toLowerCase()] ?? "");
      const seen = received.filter((r) => r.headers[DELIVERY_HEADER.toLowerCase()] === id).length;
      response.statusCode = status(id, seen);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/accordwatch`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Mail {
  readonly to: string[];
  readonly raw: string;
}

/** A plain-text email's headers and body as text: its transfer encoding (quoted-printable or base64) undone. */
function readableMail(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const decoded = /^content-transfer-encoding:\s*base64/im.test(headers)
    ? Buffer.from(body, "base64")
    : Buffer.from(
        body
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      );
  return `${headers}\r\n\r\n${decoded.toString("utf8")}`;
}

/** An SMTP server on 127.0.0.1 that keeps what it is given. */
async function smtpServer() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: readableMail(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function settingsWith(smtpUrl: string): JobsSettings {
  const parsed = parseJobsEnv({
    SMTP_URL: smtpUrl,
    SMTP_FROM: "Accordwatch <noreply@accordwatch.test>",
    WEBHOOK_MAX_ATTEMPTS: "4",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    NEXTAUTH_URL: "http://accordwatch.test",
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.settings;
}

/** The changelog's health transitions of the demo agreement up to `until`, as "changeId" keys. */
function changelogHealth(until: string): string[] {
  const parsed = parseInterchangeText(demoText);
  if (!parsed.ok) throw new Error("invalid demo");
  const agreement = parsed.dataset.agreements.find((a) => a.slug === AGREEMENT);
  if (agreement === undefined) throw new Error("no demo agreement");
  return agreementChangelog(agreement, indexSources(parsed.dataset.sources), { until })
    .filter((entry) => entry.kind === "MILESTONE_HEALTH" || entry.kind === "COMMITMENT_HEALTH")
    .map((entry) => entry.id)
    .sort();
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("scheduled work on %s", (_engine, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;
  let reviewer: Viewer & { kind: "user" };
  /** Watches the doctrine too, and chose French for their emails. */
  let frenchReviewer: Viewer & { kind: "user" };
  let admin: Viewer;
  let runner: JobRunner | undefined;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let steady: Awaited<ReturnType<typeof webhookServer>>;
  let flaky: Awaited<ReturnType<typeof webhookServer>>;
  const secrets = new Map<string, string>();

  async function member(role: "ADMIN" | "REVIEWER"): Promise<Viewer> {
    const user = await prisma.user.create({
      data: { email: `${role.toLowerCase()}-${randomUUID()}@x.test`, name: role },
    });
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } });
    await prisma.membership.create({ data: { organisationId: organisation.id, userId: user.id, role } });
    const viewer = await getViewerForUser(user.id, user.sessionVersion);
    if (viewer === null) throw new Error("no viewer");
    return viewer;
  }

  async function recordedChangeIds(): Promise<string[]> {
    return (await prisma.healthTransition.findMany({ select: { changeId: true } })).map((t) => t.changeId).sort();
  }

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    expect((await importDocument(cli, ORG, demoText)).ok).toBe(true);
    admin = await member("ADMIN");
    const viewer = await member("REVIEWER");
    if (viewer.kind !== "user") throw new Error("not a user");
    reviewer = viewer;
    await watch(reviewer, ORG, {
      agreement: AGREEMENT,
      commitment: "maritime-interception",
      milestone: "adopt-doctrine",
    });
    await watch(reviewer, ORG, { agreement: AGREEMENT, commitment: "maritime-interception" });
    const french = await member("REVIEWER");
    if (french.kind !== "user") throw new Error("not a user");
    frenchReviewer = french;
    await setEmailLanguage(frenchReviewer, { locale: "fr" });
    await watch(frenchReviewer, ORG, {
      agreement: AGREEMENT,
      commitment: "maritime-interception",
      milestone: "adopt-doctrine",
    });

    smtp = await smtpServer();
    steady = await webhookServer(() => 204);
    // Fails every delivery twice (a 500, then a 503) before taking it.
    flaky = await webhookServer((_id, seen) => (seen === 1 ? 500 : seen === 2 ? 503 : 200));
    for (const server of [steady, flaky]) {
      const created = await createWebhookEndpoint(admin, ORG, { url: server.url });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      secrets.set(server.url, created.secret);
    }
  });

  afterAll(async () => {
    await runner?.stop();
    await Promise.all([smtp?.close(), steady?.close(), flaky?.close()]);
    restore?.();
    await db?.drop();
  });

  it("records the demo's transitions up to a day, the changelog's own, as a baseline that notifies nobody", async () => {
    const result = await evaluateHealth(cli, ORG, BASELINE_DAY, { email: true });
    expect(await recordedChangeIds()).toEqual(changelogHealth(BASELINE_DAY));
    const [agreement] = result.agreements;
    expect(agreement?.recorded).toBe(changelogHealth(BASELINE_DAY).length);
    expect(agreement?.baseline).toBe(agreement?.recorded);
    expect(result.deliveryIds).toEqual([]);
    expect(await prisma.notification.count()).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { action: "health.evaluate" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe("cli:jobs-test");
  });

  it("records nothing new when run again for the same day", async () => {
    const before = await prisma.auditEvent.count();
    const result = await evaluateHealth(cli, ORG, BASELINE_DAY, { email: true });
    expect(result.agreements).toEqual([]);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect(await recordedChangeIds()).toEqual(changelogHealth(BASELINE_DAY));
  });

  it("runs the evaluation as a job: notifies watchers in the app and by email, delivers signed webhooks, retrying a failing endpoint with backoff", async () => {
    runner = await startJobRunner({
      database: db.database,
      settings: settingsWith(smtp.url),
      pollingIntervalSeconds: 0.5,
      catchUp: false,
    });
    await runner.evaluate(LATER_DAY);

    const fresh = changelogHealth(LATER_DAY).filter((id) => !changelogHealth(BASELINE_DAY).includes(id));
    expect(fresh.length).toBeGreaterThan(0);
    const deliveries = await until("every delivery settled", async () => {
      const rows = await prisma.webhookDelivery.findMany({ include: { endpoint: true, transition: true } });
      return rows.length === 2 * fresh.length && rows.every((r) => r.state !== "PENDING") ? rows : undefined;
    });
    expect(await recordedChangeIds()).toEqual(changelogHealth(LATER_DAY));
    expect(deliveries.every((d) => d.state === "DELIVERED")).toBe(true);

    // In the app: the transitions of the two records the reviewer watches, since the baseline.
    const notified = await listNotifications(reviewer, ORG);
    const watched = fresh.filter((id) =>
      [`${AGREEMENT}/maritime-interception/adopt-doctrine/health/`, `${AGREEMENT}/maritime-interception/health/`].some(
        (prefix) => id.startsWith(prefix),
      ),
    );
    expect(notified.map((n) => n.changeId).sort()).toEqual(watched.sort());
    expect(watched.length).toBe(3);
    expect(await listNotifications(admin, ORG)).toEqual([]);

    // By email, once each: in English for the reviewer (who chose no language), in French for the one who chose it.
    const mailTo = (email: string) => async () => smtp.mails.find((m) => m.to.includes(email));
    const mail = await until("the email", mailTo(reviewer.email));
    expect(mail.raw).toContain("Subject: Accordwatch: 3 changes in what you watch");
    for (const n of notified) expect(mail.raw).toContain(n.texts.en.title);
    expect(mail.raw).toContain("http://accordwatch.test/w/demo/notifications");
    const frenchMail = await until("the French email", mailTo(frenchReviewer.email));
    expect(frenchMail.raw).toContain("Bonjour REVIEWER,");
    expect(frenchMail.raw).toContain("2 changements dans les engagements et jalons que vous suivez");
    expect(frenchMail.raw).toContain("Au point mort");
    expect(frenchMail.raw).toContain("http://accordwatch.test/fr/w/demo/notifications");
    await until("the emails recorded as sent", async () =>
      (await prisma.notification.count({ where: { emailState: "SENT" } })) === 5 ? true : undefined,
    );

    // Signed, with one delivery id per (endpoint, transition), the same on every attempt.
    for (const server of [steady, flaky]) {
      const secret = secrets.get(server.url) ?? "";
      const ids = new Set<string>();
      for (const request of server.received) {
        const id = String(request.headers[DELIVERY_HEADER.toLowerCase()]);
        ids.add(id);
        expect(verifySignature(secret, request.body, String(request.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(
          true,
        );
        expect(
          verifySignature("whsec_another", request.body, String(request.headers[SIGNATURE_HEADER.toLowerCase()])),
        ).toBe(false);
        const payload = JSON.parse(request.body) as { id: string; type: string; transition: { changeId: string } };
        expect(payload.id).toBe(id);
        expect(payload.type).toBe("health.transition");
        expect(fresh).toContain(payload.transition.changeId);
        expect(request.headers["content-type"]).toBe("application/json");
      }
      expect(ids.size).toBe(fresh.length);
    }
    expect(steady.received).toHaveLength(fresh.length);
    // Three attempts each at the flaky endpoint: pg-boss's backoff (1 s, then 2 s at least: delay × 2^n / 2 + jitter).
    expect(flaky.received).toHaveLength(3 * fresh.length);
    for (const delivery of deliveries.filter((d) => d.endpoint.url === flaky.url)) {
      const attempts = flaky.received.filter((r) => r.headers[DELIVERY_HEADER.toLowerCase()] === delivery.id);
      expect(attempts).toHaveLength(3);
      expect(delivery.attempts).toBe(3);
      const [first, second, third] = attempts.map((a) => a.at);
      expect(second! - first!).toBeGreaterThanOrEqual(950);
      expect(third! - second!).toBeGreaterThanOrEqual(1_950);
    }
  });

  it("never sends a delivery that succeeded again, and re-evaluating makes none", async () => {
    const before = steady.received.length + flaky.received.length;
    const deliveries = await prisma.webhookDelivery.findMany({ select: { id: true } });
    const [delivery] = deliveries;
    // The job library refuses a second job of the same id while it keeps the first; the job function sends nothing.
    expect(
      await runner?.boss.send(QUEUES.webhook, { organisation: ORG, deliveryId: delivery?.id }, { id: delivery?.id }),
    ).toBeNull();
    for (const d of deliveries) expect(await deliverWebhook(ORG, d.id, { maxAttempts: 4 })).toBe("SKIPPED");
    const result = await evaluateHealth(cli, ORG, LATER_DAY, { email: true });
    expect(result.deliveryIds).toEqual([]);
    expect(await sendNotificationEmail(ORG, reviewer.userId, { smtp: settingsWith(smtp.url).smtp! })).toBe("SKIPPED");
    expect(steady.received.length + flaky.received.length).toBe(before);
    expect(smtp.mails).toHaveLength(2);
  });

  it("keeps read and unread per member", async () => {
    expect(await countUnreadNotifications(reviewer, ORG)).toBe(3);
    const [first] = await listNotifications(reviewer, ORG);
    expect(await markNotificationsRead(reviewer, ORG, { ids: [first!.notificationId] })).toBe(1);
    // Read already: nothing to mark, and no audit event for nothing.
    expect(await markNotificationsRead(reviewer, ORG, { ids: [first!.notificationId] })).toBe(0);
    expect(await countUnreadNotifications(reviewer, ORG)).toBe(2);
    // Another member cannot mark the reviewer's.
    expect(await markNotificationsRead(admin, ORG, { all: true })).toBe(0);
    expect(await markNotificationsRead(reviewer, ORG, { all: true })).toBe(2);
    expect(await countUnreadNotifications(reviewer, ORG)).toBe(0);
  });

  it("keeps pg-boss in a schema of its own, with the daily evaluation scheduled at 03:00 UTC", async () => {
    // pg-boss's type leaves out the time zone its rows have.
    const schedules = (await runner?.boss.getSchedules()) as Array<{ name: string; cron: string; timezone: string }>;
    expect(schedules.map((s) => [s.name, s.cron, s.timezone])).toEqual([[QUEUES.evaluate, "0 3 * * *", "UTC"]]);
    const tables = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
      JOB_SCHEMA,
    );
    expect(tables[0]?.n).toBeGreaterThan(0);
  });
});

describe("npm run worker", () => {
  it("runs the scheduled work on PostgreSQL until SIGTERM: catches up with the day's evaluation, then stops", async () => {
    const db = await createPostgresDatabase();
    const restoreDb = installDatabase(db.database);
    let child: ChildProcess | undefined;
    try {
      expect((await importDocument(cli, ORG, demoText)).ok).toBe(true);
      let output = "";
      child = spawn(
        process.execPath,
        ["--import", "tsx", path.resolve(import.meta.dirname, "../../scripts/worker.ts")],
        {
          cwd: path.resolve(import.meta.dirname, "../.."),
          env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn", SMTP_URL: "", ACCORDWATCH_JOBS: "" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      await until("the worker to start", async () => (output.includes("Worker running") ? true : undefined));
      expect(output).toContain('daily evaluation at "0 3 * * *" (UTC), emails off (no SMTP_URL)');
      // Whatever today is, the catch-up evaluates it: the demo's history is recorded as its baseline.
      const evaluated = await until("the catch-up evaluation", async () => {
        const event = await db.prisma.auditEvent.findFirst({
          where: { action: "health.evaluate", actor: "jobs:daily-evaluation" },
        });
        return event ?? undefined;
      });
      expect(evaluated.entityType).toBe("agreement");
      expect(await db.prisma.healthTransition.count({ where: { baseline: false } })).toBe(0);
      const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain("Stopping: letting running jobs finish…");
    } finally {
      if (child?.exitCode === null) child.kill("SIGKILL");
      restoreDb();
      await db.drop();
    }
  });
});
