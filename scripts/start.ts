/**
 * `npm start`: what a new user runs after `npm install`.
 *  1. (package.json has generated the Prisma client first: every module here loads it)
 *  2. applies pending migrations to the configured database (embedded PGlite in ACCORDWATCH_DATA unless
 *     DATABASE_URL is set) and, on the embedded database's first start, loads the demo dataset into `demo` and
 *     creates its demo accounts, printing their passwords once;
 *  3. settles the sign-in environment (authEnvironment below): NEXTAUTH_SECRET, NEXTAUTH_URL;
 *  4. builds the app when the build is missing or older than the sources;
 *  5. serves it with `next start` on PORT (default 3000), its heap kept near what is live
 *     (scripts/lib/next-server.ts: --heap-growing-percent).
 * An unreachable database or a missing secret ends it with one line, no stack trace.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { configuredTarget, DatabaseUnavailableError, IN_MEMORY } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { parseCommandLine, runCommand } from "./lib/cli";
import { buildIsCurrent } from "./lib/build";
import { nextServerNodeFlags } from "./lib/next-server";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function runOrExit(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    // Next would otherwise try to send anonymous telemetry; this machine may have no network at all.
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (result.status !== 0) {
    console.error(`${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const options = parseCommandLine(
  "npm start [-- --port N]",
  { port: { type: "string" } },
  z.object({
    port: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .default(Number(process.env.PORT ?? 3000)),
    positionals: z.array(z.string()).max(0, "takes no positional arguments"),
  }),
);

/** Where the embedded demo keeps the secret it generated for itself. */
const AUTH_SECRET_FILE = "auth-secret";

/**
 * The variables `next start` needs for signing in, beyond those already set:
 * - NEXTAUTH_SECRET (signs the session cookies) comes from the environment. Only for the embedded demo, which must
 *   run with no configuration at all, is one generated on first start and kept in ACCORDWATCH_DATA/auth-secret
 *   (mode 0600), so sessions survive restarts; with DATABASE_URL (a real deployment) a missing secret is an error.
 * - NEXTAUTH_URL defaults to http://localhost:PORT.
 * Exits with one line per problem.
 */
function authEnvironment(port: number): Record<string, string> {
  const extra: Record<string, string> = {};
  if (!process.env.NEXTAUTH_URL?.trim()) extra.NEXTAUTH_URL = `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_SECRET?.trim()) {
    let target;
    try {
      target = configuredTarget();
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
    if (target.kind !== "embedded" || target.dataDir === IN_MEMORY) {
      console.error(
        "NEXTAUTH_SECRET is not set: with DATABASE_URL, set it to a random value of 32+ characters (e.g. `openssl rand -base64 32`).",
      );
      process.exit(1);
    }
    extra.NEXTAUTH_SECRET = embeddedSecret(target.dataDir);
  }
  const parsed = parseEnv({ ...process.env, ...extra, NODE_ENV: "production" });
  if (!parsed.ok) {
    parsed.errors.forEach((line) => console.error(line));
    process.exit(1);
  }
  return extra;
}

function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  const kept = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (kept.length >= 32) return kept;
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  // `mode` applies to a new file only.
  chmodSync(file, 0o600);
  return secret;
}

const nextAuthUrl = process.env.NEXTAUTH_URL?.trim() || `http://localhost:${options.port}`;

await runCommand(
  async () => {
    const { prepareApplication } = await import("./lib/prepare");
    await prepareApplication((line) => console.log(line), { signInUrl: `${nextAuthUrl.replace(/\/+$/, "")}/signin` });
  },
  { exit: false },
);

// After the database, whose problems (unreachable, misconfigured) are the first to fix and get their one line first.
const authEnv = authEnvironment(options.port);

if (!buildIsCurrent(root)) {
  console.log("Building the app (first start, or the sources changed)…");
  runOrExit(process.execPath, [nextBin, "build"], "The build");
}

const serverArgs = [...nextServerNodeFlags(), nextBin, "start", "--port", String(options.port)];
const server = spawn(process.execPath, serverArgs, {
  cwd: root,
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...authEnv },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
