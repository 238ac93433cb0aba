/**
 * The command line as a user runs it, against a real PostgreSQL database of its own: import, export, health, and
 * one clear line (no stack trace, no password) when the database cannot be reached.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateDataset } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { createEmptyPostgresDatabase } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const demoFile = path.join(root, "data/demo.accordwatch.json");
const demoText = readFileSync(demoFile, "utf8");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts", script), ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  }
}

describe("the command line on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    env = { DATABASE_URL: database.url };
  });
  afterAll(async () => database?.drop());

  it("migrates, imports the demo into a new organisation and exports it byte for byte", async () => {
    const migrate = await run("db-migrate.ts", [], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/_init/);

    const imported = await run("import.ts", [demoFile, "--org", "demo"], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('organisation "demo" created');

    const exported = await run("export.ts", ["--org", "demo"], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(demoText);
  });

  it("prints the health document of spec/health.md with --json", async () => {
    const health = await run("health.ts", ["--org", "demo", "--as-of", "2025-10-31", "--json"], env);
    expect(health.code, health.stderr).toBe(0);
    const parsed = parseInterchangeText(demoText);
    if (!parsed.ok) throw new Error("the demo is invalid");
    expect(health.stdout).toBe(`${JSON.stringify(evaluateDataset(parsed.dataset, "2025-10-31"), null, 2)}\n`);
  });

  it("prints a readable table with the reasons", async () => {
    const health = await run(
      "health.ts",
      ["--org", "demo", "--agreement", "uk-france-small-boats-2025", "--as-of", "2025-12-01"],
      env,
    );
    expect(health.code, health.stderr).toBe(0);
    expect(health.stdout).toContain("Health as of 1 December 2025");
    expect(health.stdout).toMatch(/deploy-tactics\s+STALLED\s+OVERDUE since 2025-12-01/);
    expect(health.stdout).toContain("Overdue since 1 December 2025 (deadline: November 2025)");
  });

  it("refuses an invalid document listing every error, and imports nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-cli-"));
    const file = path.join(dir, "bad.json");
    const doc = JSON.parse(demoText);
    doc.agreements[0].parties.push("DE");
    doc.agreements[0].commitments[0].milestones[0].statusUpdates[0].status = "DONE";
    writeFileSync(file, JSON.stringify(doc));
    const imported = await run("import.ts", [file, "--org", "other"], env);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("agreements[0].parties:");
    expect(imported.stderr).toContain(
      "agreements[0].commitments[0].milestones[0].statusUpdates[0].status: expected one of",
    );
    expect(imported.stderr).toContain("nothing was imported");
    const exported = await run("export.ts", ["--org", "other"], env);
    expect(exported.code).toBe(1);
    expect(exported.stderr.trim()).toBe('There is no organisation "other".');
  });

  it("refuses a second import of the same agreement without --replace", async () => {
    const again = await run("import.ts", [demoFile, "--org", "demo"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--replace");
    const replaced = await run("import.ts", [demoFile, "--org", "demo", "--replace"], env);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain("replaced uk-france-small-boats-2025");
  });

  it("explains bad arguments with the option's name", async () => {
    const health = await run("health.ts", ["--org", "demo", "--as-of", "2025-02-30"], env);
    expect(health.code).toBe(1);
    expect(health.stderr).toContain('--as-of: expected a day YYYY-MM-DD, got "2025-02-30"');
  });
});

describe("an unreachable DATABASE_URL", () => {
  // Port 9 (discard) on loopback: nothing listens there.
  const env = { DATABASE_URL: "postgres://someone:s3cret-password@127.0.0.1:9/accordwatch" };

  it.each([
    ["import.ts", [demoFile, "--org", "demo"]],
    ["export.ts", ["--org", "demo"]],
    ["health.ts", ["--org", "demo"]],
    ["db-migrate.ts", []],
    ["start.ts", []],
  ])("makes %s exit with one line naming the problem", async (script, args) => {
    const result = await run(script, args, env);
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
    expect(lines).toEqual([
      "Cannot reach the PostgreSQL database at 127.0.0.1:9/accordwatch (connection refused). Check DATABASE_URL.",
    ]);
    expect(result.stderr + result.stdout).not.toContain("s3cret-password");
  });
});
