/**
 * Gets the configured database ready for the app: migrations applied and, on the embedded database's first start,
 * the demo dataset loaded into the organisation `demo` with one admin, one editor and one reviewer to sign in as.
 * Closes the database afterwards: the embedded one can be open in one process only, and the app server opens it next.
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { closeDb, configuredTarget, IN_MEMORY, prepareDatabase } from "@/lib/db/client";
import { systemViewer, type Role } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { createUser } from "@/lib/data/users";
import { formatIssues, parseInterchangeText } from "@/lib/domain/interchange";
import { CommandError } from "./cli";

export const DEMO_FILE = path.resolve(import.meta.dirname, "..", "..", "data", "demo.accordwatch.json");
export const DEMO_ORG = "demo";

export async function loadDemo(actor: string): Promise<string> {
  const parsed = parseInterchangeText(await readFile(DEMO_FILE, "utf8"));
  if (!parsed.ok) throw new CommandError(`The demo dataset is invalid:\n${formatIssues(parsed.errors)}`);
  const result = await importDataset(systemViewer(actor), DEMO_ORG, parsed.dataset, {
    replace: true,
    organisationName: "Accordwatch demo",
  });
  return `Loaded the demo dataset into the organisation "${DEMO_ORG}" (${result.agreements} agreement(s), ${result.sources} source(s)).`;
}

export interface DemoAccount {
  readonly role: Role;
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** Beside the embedded database, readable by its owner only: how the e2e tests (and a forgetful user) sign in. */
export const DEMO_ACCOUNTS_FILE = "demo-accounts.json";

const DEMO_PEOPLE: ReadonlyArray<Omit<DemoAccount, "password">> = [
  { role: "ADMIN", email: "admin@demo.accordwatch.test", name: "Demo Admin" },
  { role: "EDITOR", email: "editor@demo.accordwatch.test", name: "Demo Editor" },
  { role: "REVIEWER", email: "reviewer@demo.accordwatch.test", name: "Demo Reviewer" },
];

/**
 * Creates the demo's admin, editor and reviewer of `demo`, each with its own random password (18 random bytes:
 * 24 characters), and returns them with their passwords: the only moment the passwords exist in clear.
 */
export async function createDemoAccounts(actor: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const person of DEMO_PEOPLE) {
    const password = randomBytes(18).toString("base64url");
    await createUser(systemViewer(actor), {
      email: person.email,
      name: person.name,
      password,
      memberships: [{ organisation: DEMO_ORG, role: person.role }],
    });
    accounts.push({ ...person, password });
  }
  return accounts;
}

function describeAccounts(
  accounts: readonly DemoAccount[],
  file: string | null,
  signInUrl: string | undefined,
): string[] {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const kept = file ? `; also in ${file}, readable by you only` : "";
  return [
    "",
    `Demo accounts of the organisation "${DEMO_ORG}" (shown this once${kept}):`,
    ...accounts.map((a) => `  ${a.role.toLowerCase().padEnd(9)} ${a.email.padEnd(width)}  password: ${a.password}`),
    ...(signInUrl ? [`Sign in at ${signInUrl}`] : []),
    "",
  ];
}

export interface PrepareOptions {
  /** Where the printed demo accounts say to sign in. */
  readonly signInUrl?: string;
}

export async function prepareApplication(log: (line: string) => void, options: PrepareOptions = {}): Promise<void> {
  const target = configuredTarget();
  const { fresh, applied } = await prepareDatabase();
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  // The demo, and its accounts with known passwords, only ever on a new embedded database: never on a server.
  if (target.kind === "embedded" && fresh) {
    log(await loadDemo("npm start"));
    const accounts = await createDemoAccounts("npm start");
    let file: string | null = null;
    if (target.dataDir !== IN_MEMORY) {
      file = path.join(target.dataDir, DEMO_ACCOUNTS_FILE);
      await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
      // `mode` applies to a new file only; one left from an earlier database keeps its own.
      await chmod(file, 0o600);
    }
    describeAccounts(accounts, file, options.signInUrl).forEach((line) => log(line));
  }
  await closeDb();
}
