/**
 * `npm test`: every check and every suite, in order, then one closing line `N passed, N failed` counting them all.
 *
 * Checks (format, lint, typecheck, build) count as one test each; the Vitest projects and Playwright count their
 * own tests from their JSON reports. A suite that crashes before reporting counts as one failure, never as zero.
 * The integration and end-to-end suites start their own databases (see tests/support and playwright.config.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

const reportDir = mkdtempSync(path.join(tmpdir(), "accordwatch-test-"));
const tallies: Tally[] = [];
const only = process.argv.slice(2);

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...env },
  });
  return result.status ?? 1;
}

function step(name: string, fn: () => Omit<Tally, "name" | "seconds">): void {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const tally = fn();
  const seconds = (performance.now() - started) / 1000;
  tallies.push({ name, seconds, ...tally });
  console.log(`--- ${name}: ${tally.passed} passed, ${tally.failed} failed (${seconds.toFixed(1)} s)`);
}

function check(command: string, args: string[]): Omit<Tally, "name" | "seconds"> {
  const ok = run(command, args) === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function vitest(project: string): Omit<Tally, "name" | "seconds"> {
  const out = path.join(reportDir, `vitest-${project}.json`);
  const code = run("npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out) as
    { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A failure outside any test (a broken file, a failed global setup) leaves the counts clean but the exit code not.
  const extra = code !== 0 && report.numFailedTests === 0 ? 1 : 0;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + extra,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwright(): Omit<Tally, "name" | "seconds"> {
  const out = path.join(reportDir, "playwright.json");
  const code = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = readJson(out) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } };
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const extra = code !== 0 && unexpected === 0 ? 1 : 0;
  return { passed: expected + flaky, failed: unexpected + extra, skipped };
}

step("format", () => check("npx", ["prettier", "--check", "--log-level=warn", "."]));
step("lint", () => check("npx", ["eslint", "--max-warnings=0", "."]));
step("typecheck", () => check("npm", ["run", "--silent", "typecheck"]));
step("unit", () => vitest("unit"));
step("integration", () => vitest("integration"));
step("build", () => check("npm", ["run", "--silent", "build"]));
step("e2e", () => playwright());

rmSync(reportDir, { recursive: true, force: true });

console.log("\n=== summary ===");
for (const t of tallies) {
  const skipped = t.skipped > 0 ? `, ${t.skipped} skipped` : "";
  console.log(`${t.name.padEnd(12)} ${t.passed} passed, ${t.failed} failed${skipped} (${t.seconds.toFixed(1)} s)`);
}
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || tallies.length === 0 ? 1 : 0);
