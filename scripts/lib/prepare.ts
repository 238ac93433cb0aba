/**
 * Gets the configured database ready for the app: migrations applied and, on the embedded database's first start,
 * the demo dataset loaded into the organisation `demo`. Closes the database afterwards: the embedded one can be open
 * in one process only, and the app server opens it next.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { closeDb, databaseKind, prepareDatabase } from "@/lib/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
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

export async function prepareApplication(log: (line: string) => void): Promise<void> {
  const kind = databaseKind();
  const { fresh, applied } = await prepareDatabase();
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (kind === "embedded" && fresh) log(await loadDemo("npm start"));
  await closeDb();
}
