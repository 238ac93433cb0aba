/**
 * For bench/load.ts, with DATABASE_URL set (after `npm run db:migrate` and `npm run db:seed`): creates N editors of
 * the organisation `demo`, each with a random password, and prints them as JSON on stdout.
 *
 *   DATABASE_URL=… node --import tsx bench/support/create-editors.ts 5
 */
import { randomBytes } from "node:crypto";
import { systemViewer } from "@/lib/auth/viewer";
import { createUser } from "@/lib/data/users";
import { closeDb } from "@/lib/db/client";

const count = Number(process.argv[2] ?? 5);
const accounts: Array<{ email: string; password: string }> = [];
for (let i = 1; i <= count; i++) {
  const email = `load-editor-${i}@bench.accordwatch.test`;
  const password = randomBytes(18).toString("base64url");
  await createUser(systemViewer("bench:load"), {
    email,
    name: `Load editor ${i}`,
    password,
    memberships: [{ organisation: "demo", role: "EDITOR" }],
  });
  accounts.push({ email, password });
}
await closeDb();
process.stdout.write(`${JSON.stringify(accounts)}\n`);
