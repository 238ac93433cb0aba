/**
 * Run by e2e/database-outage.spec.ts and e2e/instances.spec.ts (`node --import tsx`, with DATABASE_URL set to the spec's own PostgreSQL
 * server): applies the migrations, loads the demo dataset and creates the demo's accounts, as `npm start` does on a
 * new embedded database, then prints the accounts, passwords included, as one line of JSON.
 */
import { closeDb, prepareDatabase } from "@/lib/db/client";
import { createDemoAccounts, loadDemo } from "@/scripts/lib/prepare";

await prepareDatabase();
await loadDemo("e2e:outage");
const accounts = await createDemoAccounts("e2e:outage");
await closeDb();
process.stdout.write(`${JSON.stringify(accounts)}\n`);
