/**
 * Start-up benchmark: from a fresh clone after `npm install`, seconds until `npm start` serves the first page;
 * then the same for a second start (database and build already there).
 *
 *   node --import tsx bench/startup.ts            # clones the committed HEAD into a temporary folder
 *
 * Not a test: it prints figures for bench/README.md.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { groupAlive } from "./support/process-group";

const repo = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function timeStart(dir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const log = path.join(dir, "npm-start.log");
  const out = openSync(log, "a");
  const child = spawn("npm", ["start"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), DATABASE_URL: "" },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const deadline = started + 15 * 60_000;
    for (;;) {
      if (performance.now() > deadline) throw new Error("npm start did not serve a page within 15 minutes");
      if (child.exitCode !== null) {
        throw new Error(`npm start exited with ${child.exitCode}:\n${readFileSync(log, "utf8").slice(-2000)}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok) return (performance.now() - started) / 1000;
      } catch {
        // Not listening yet: poll again.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
    // npm exits before the Next server it started: wait until the whole process group is gone (it holds the
    // embedded database, which the next start needs).
    while (child.pid !== undefined && groupAlive(child.pid)) await new Promise((r) => setTimeout(r, 50));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-startup-"));
try {
  execFileSync("git", ["clone", "--quiet", repo, dir]);
  const t = performance.now();
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "ignore" });
  console.log(`npm install: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(
    `first npm start → first page (migrate, load demo, build, serve): ${(await timeStart(dir)).toFixed(1)} s`,
  );
  console.log(`second npm start → first page: ${(await timeStart(dir)).toFixed(1)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
