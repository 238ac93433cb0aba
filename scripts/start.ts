/**
 * `npm start`: what a new user runs after `npm install`.
 *  1. (package.json has generated the Prisma client first: every module here loads it)
 *  2. applies pending migrations to the configured database (embedded PGlite in ACCORDWATCH_DATA unless
 *     DATABASE_URL is set) and, on the embedded database's first start, loads the demo dataset into `demo`;
 *  3. builds the app when the build is missing or older than the sources;
 *  4. serves it with `next start` on PORT (default 3000).
 * An unreachable database ends it with one line, no stack trace.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseCommandLine, runCommand } from "./lib/cli";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Newest modification time under the given paths (files or folders), skipping generated folders. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (/(^|\/)(generated|node_modules|\.next)$/.test(p)) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "data", "prisma/schema.prisma", "next.config.ts", "package.json"];
  return newestMtime(sources) <= statSync(buildId).mtimeMs;
}

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

await runCommand(
  async () => {
    const { prepareApplication } = await import("./lib/prepare");
    await prepareApplication((line) => console.log(line));
  },
  { exit: false },
);

if (!buildIsCurrent()) {
  console.log("Building the app (first start, or the sources changed)…");
  runOrExit(process.execPath, [nextBin, "build"], "The build");
}

const server = spawn(process.execPath, [nextBin, "start", "--port", String(options.port)], {
  cwd: root,
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
