/**
 * Load benchmark (issue 5, item 2): 200 concurrent public readers and 5 editors writing for 60 s on PostgreSQL.
 *
 *   npm run bench:load                 # node --import tsx bench/load.ts
 *   npm run bench:load -- --seconds 60 --readers 200 --editors 5
 *   npm run bench:load -- --nginx     # the readers through the deploy/ nginx cache (bench/support/nginx.ts)
 *
 * - A PostgreSQL server of its own (tests/support/postgres.ts: initdb on a temporary folder, a free port), a
 *   database `accordwatch` migrated and seeded as the README says (`scripts/db-migrate.ts`, `scripts/db-seed.ts`,
 *   what `npm run db:migrate` / `db:seed` run), and 5 editors of `demo` (bench/support/create-editors.ts).
 * - The app: scripts/start.ts with DATABASE_URL (the production build, `next start`) in a temporary copy.
 * - Readers: wrk, 200 connections in all, each asking the next address as soon as it has its answer (no think
 *   time): 150 over the cached pages (scorecard in English and French, commitment, milestone, changes) and 50 over
 *   the answers computed per request (find, the open-data API), so that each kind has its own latencies.
 * - Editors: 5 signed-in editors, each in a loop, through the app: load the workspace page of the agreement (as
 *   the editor's browser does), then post one of its forms back (bench/support/editor.ts: the server action the
 *   form names, multipart, as a browser without JavaScript sends it): 40 % an edit of the agreement's summary (one
 *   record shared by all five: its optimistic concurrency refuses a form loaded before someone else's save),
 *   60 % a status update of a random milestone (bumps the milestone's version: the same check).
 *
 * Counted: reader answers that are not 2xx/3xx and socket errors (wrk); editor failures (an exception, a status
 * other than 200, a form refused for any reason but a changed record); refused stale writes (counted apart, not
 * errors); accepted writes against the audit events added by the editors, and against what the tables hold (the
 * agreement's version, the milestones' versions, the status updates). Not a test: it prints figures for
 * bench/README.md and exits non-zero only when something breaks.
 */
import { copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  appCopy,
  COMMITMENT,
  ensureBuild,
  log,
  logSummary,
  machineNote,
  MILESTONE,
  percentile,
  SCORECARD,
  startApp,
  table,
  wrk,
  wrkPathsScript,
  type WrkResult,
} from "./support/app";
import { runScript, startAppDatabase, type AppDatabase } from "./support/database";
import { findForm, getPage, parseForms, signIn, submitForm, type Session } from "./support/editor";
import { startNginx, type RunningNginx } from "./support/nginx";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "200" },
    editors: { type: "string", default: "5" },
    nginx: { type: "boolean", default: false },
  },
});
const SECONDS = Number(args.seconds);
const READERS = Number(args.readers);
const EDITORS = Number(args.editors);
const THROUGH_NGINX = args.nginx;
const AGREEMENT = "uk-france-small-boats-2025";
const WORKSPACE = `/w/demo/${AGREEMENT}`;

const CACHED_PATHS = [
  SCORECARD,
  `/fr${SCORECARD}`,
  COMMITMENT,
  MILESTONE,
  `${SCORECARD}/changes`,
  `${SCORECARD}?asOf=2025-10-31`,
];
const COMPUTED_PATHS = [
  "/demo/find?q=patrol",
  "/demo/find?health=STALLED",
  "/api/v1/demo/agreements",
  `/api/v1/demo/agreements/${AGREEMENT}`,
  `/api/v1/demo/agreements/${AGREEMENT}/health`,
];

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

interface Counts {
  readonly auditMaxId: bigint;
  readonly agreementVersion: number;
  readonly milestoneVersions: number;
  readonly statusUpdates: number;
}

async function counts(db: pg.Client): Promise<Counts> {
  const row = async (sql: string) => (await db.query(sql)).rows[0] as Record<string, string>;
  return {
    auditMaxId: BigInt((await row("SELECT coalesce(max(id), 0) AS n FROM audit_events")).n ?? 0),
    agreementVersion: Number((await row(`SELECT version AS n FROM agreements WHERE slug = '${AGREEMENT}'`)).n),
    milestoneVersions: Number(
      (
        await row(
          `SELECT sum(m.version) AS n FROM milestones m JOIN commitments c ON c.id = m.commitment_id
           JOIN agreements a ON a.id = c.agreement_id WHERE a.slug = '${AGREEMENT}'`,
        )
      ).n,
    ),
    statusUpdates: Number((await row("SELECT count(*) AS n FROM status_updates")).n),
  };
}

type Kind = "agreement" | "status";

interface EditorStats {
  accepted: Record<Kind, number>;
  conflicts: Record<Kind, number>;
  errors: string[];
  loadMs: number[];
  saveMs: number[];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** One editor's loop until `deadline`: load the workspace page, post one of its forms. */
async function editor(index: number, session: Session, deadline: number, stats: EditorStats): Promise<void> {
  let n = 0;
  while (Date.now() < deadline) {
    n++;
    const kind: Kind = Math.random() < 0.4 ? "agreement" : "status";
    try {
      const loaded = performance.now();
      const html = await getPage(session, WORKSPACE);
      stats.loadMs.push(performance.now() - loaded);
      let form;
      let values: Record<string, string | string[]>;
      if (kind === "agreement") {
        form = findForm(html, /^Edit agreement /);
        values = { summary: `Measures against small-boat crossings (load bench: editor ${index}, edit ${n}).` };
      } else {
        const forms = parseForms(html).filter((f) => f.label.startsWith("Status update of "));
        form = forms[Math.floor(Math.random() * forms.length)];
        if (!form) throw new Error("no status update form");
        const source = form.fields.find((f) => f.name === "sources" && f.kind === "checkbox");
        values = {
          on: today(),
          status: "IN_PROGRESS",
          rationale: `Load bench: editor ${index}, update ${n}.`,
          sources: source ? [source.value] : [],
        };
      }
      const saving = performance.now();
      const result = await submitForm(session, WORKSPACE, form, values);
      stats.saveMs.push(performance.now() - saving);
      if (result.outcome === "ok") stats.accepted[kind]++;
      else if (result.outcome === "conflict") stats.conflicts[kind]++;
      else stats.errors.push(`${kind}: ${result.message}`);
    } catch (error) {
      stats.errors.push(`${kind}: ${(error as Error).message}`);
    }
  }
}

log(`Load benchmark, ${machineNote()}`);
ensureBuild();
let database: AppDatabase | undefined;
const copy = appCopy();
let stopApp: (() => Promise<void>) | undefined;
let nginx: RunningNginx | undefined;
let db: pg.Client | undefined;
try {
  database = await startAppDatabase();
  const { url } = database;
  log(database.seeded);
  const accounts = JSON.parse(
    runScript(path.join("bench", "support", "create-editors.ts"), { DATABASE_URL: url, LOG_LEVEL: "warn" }, [
      String(EDITORS),
    ]),
  ) as Array<{ email: string; password: string }>;

  const app = await startApp(copy.dir, database.appEnv);
  stopApp = app.stop;
  for (const p of [...CACHED_PATHS, ...COMPUTED_PATHS]) {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${app.url}${p}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
    }
  }
  let readersUrl = app.url;
  if (THROUGH_NGINX) {
    nginx = await startNginx(`127.0.0.1:${app.port}`, {});
    readersUrl = nginx.cachedUrl;
    log(`Readers through nginx: ${nginx.config}; http block: sendfile on, tcp_nopush on (Debian's).`);
  }
  const sessions = await Promise.all(accounts.map((a) => signIn(app.url, a.email, a.password)));
  // A first load of the workspace page (not counted): its first rendering.
  await getPage(sessions[0] as Session, WORKSPACE);

  db = new pg.Client({ connectionString: url });
  await db.connect();
  const before = await counts(db);
  const cachedReaders = Math.round(READERS * 0.75);
  const computedReaders = READERS - cachedReaders;
  log(
    `\n${READERS} readers (wrk: ${cachedReaders} connections over ${CACHED_PATHS.length} cached pages, ` +
      `${computedReaders} over ${COMPUTED_PATHS.length} computed answers) and ${EDITORS} editors for ${SECONDS} s…`,
  );
  const stats: EditorStats = {
    accepted: { agreement: 0, status: 0 },
    conflicts: { agreement: 0, status: 0 },
    errors: [],
    loadMs: [],
    saveMs: [],
  };
  const deadline = Date.now() + SECONDS * 1000;
  const [cached, computed] = await Promise.all([
    wrk(readersUrl, {
      connections: cachedReaders,
      seconds: SECONDS,
      script: wrkPathsScript(copy.dir, CACHED_PATHS),
      timeoutS: 30,
    }),
    wrk(readersUrl, {
      connections: computedReaders,
      seconds: SECONDS,
      script: wrkPathsScript(copy.dir, COMPUTED_PATHS),
      timeoutS: 30,
    }),
    ...sessions.map((session, i) => editor(i + 1, session, deadline, stats)),
  ]);
  const after = await counts(db);
  const editorIds = (await db.query("SELECT id FROM users WHERE email LIKE 'load-editor-%'")).rows.map((r) => r.id);
  const audit = await db.query(
    `SELECT action, count(*)::int AS n, count(*) FILTER (WHERE actor_user_id = ANY($2))::int AS by_editors
     FROM audit_events WHERE id > $1 GROUP BY action ORDER BY action`,
    [before.auditMaxId.toString(), editorIds],
  );
  const auditRows = audit.rows as Array<{ action: string; n: number; by_editors: number }>;
  const auditByEditors = auditRows.reduce((sum, r) => sum + r.by_editors, 0);
  const auditAll = auditRows.reduce((sum, r) => sum + r.n, 0);

  log(`\n## Readers${THROUGH_NGINX ? " (through nginx)" : ""} (${machineNote()})`);
  const readerRow = (name: string, r: WrkResult) => [
    name,
    String(r.requests),
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    fmt(r.max, 0),
    String(r.non2xx3xx),
    String(r.socketErrors),
    r.statuses ?? "",
  ];
  table(
    ["readers", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx/3xx", "socket errors", "statuses"],
    [
      readerRow(`${cachedReaders} on cached pages`, cached as WrkResult),
      readerRow(`${computedReaders} on find + API`, computed as WrkResult),
    ],
  );

  const accepted = stats.accepted.agreement + stats.accepted.status;
  const conflicts = stats.conflicts.agreement + stats.conflicts.status;
  log(`\n## Editors`);
  table(
    ["", "agreement edits", "status updates", "all"],
    [
      ["accepted", stats.accepted.agreement, stats.accepted.status, accepted],
      ["refused: changed since loaded", stats.conflicts.agreement, stats.conflicts.status, conflicts],
      ["errors", "", "", stats.errors.length],
    ],
  );
  table(
    ["editor requests", "count", "p50 ms", "p99 ms", "max ms"],
    [
      [
        "load the workspace page (GET)",
        stats.loadMs.length,
        fmt(percentile(stats.loadMs, 50)),
        fmt(percentile(stats.loadMs, 99)),
        fmt(Math.max(...stats.loadMs)),
      ],
      [
        "save (POST of the form)",
        stats.saveMs.length,
        fmt(percentile(stats.saveMs, 50)),
        fmt(percentile(stats.saveMs, 99)),
        fmt(Math.max(...stats.saveMs)),
      ],
    ],
  );
  for (const error of stats.errors.slice(0, 10)) log(`  error: ${error}`);

  log(`\n## Lost updates`);
  table(
    ["check", "expected (accepted writes)", "found", ""],
    [
      ["audit events by the editors", accepted, auditByEditors, accepted === auditByEditors ? "ok" : "MISMATCH"],
      [
        "agreement version increase",
        stats.accepted.agreement,
        after.agreementVersion - before.agreementVersion,
        stats.accepted.agreement === after.agreementVersion - before.agreementVersion ? "ok" : "MISMATCH",
      ],
      [
        "milestone versions increase",
        stats.accepted.status,
        after.milestoneVersions - before.milestoneVersions,
        stats.accepted.status === after.milestoneVersions - before.milestoneVersions ? "ok" : "MISMATCH",
      ],
      [
        "status updates added",
        stats.accepted.status,
        after.statusUpdates - before.statusUpdates,
        stats.accepted.status === after.statusUpdates - before.statusUpdates ? "ok" : "MISMATCH",
      ],
    ],
  );
  log(`Audit events added in all: ${auditAll} (${auditRows.map((r) => `${r.action} ${r.n}`).join(", ")}).`);

  const readerErrors = [cached, computed].reduce(
    (sum, r) => sum + (r as WrkResult).non2xx3xx + (r as WrkResult).socketErrors,
    0,
  );
  const lost =
    accepted !== auditByEditors ||
    stats.accepted.agreement !== after.agreementVersion - before.agreementVersion ||
    stats.accepted.status !== after.statusUpdates - before.statusUpdates;
  const said = logSummary(app.logFile, 6);
  const kept = path.join(tmpdir(), `accordwatch-bench-load-${Date.now()}.log`);
  copyFileSync(app.logFile, kept);
  log(`\nThe app's log (warnings and errors; kept in ${kept}): ${said.length === 0 ? "nothing" : ""}`);
  said.forEach((line) => log(`  ${line}`));
  log(
    `\nGoal: zero errors: ${readerErrors + stats.errors.length === 0 ? "met" : "NOT met"} ` +
      `(readers ${readerErrors}, editors ${stats.errors.length}); zero lost updates: ${lost ? "NOT met" : "met"} ` +
      `(${accepted} accepted writes, ${auditByEditors} audit events; ${conflicts} stale writes refused). ` +
      machineNote(),
  );
} finally {
  await db?.end().catch(() => undefined);
  await nginx?.stop();
  await stopApp?.();
  copy.remove();
  await database?.server.stop();
}
