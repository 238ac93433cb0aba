/** `npm run db:seed`: (re)load the demo dataset into the organisation `demo` of the configured database. */
import { prepareDatabase } from "@/lib/db/client";
import { runCommand } from "./lib/cli";
import { cliActor } from "./lib/actor";
import { loadDemo } from "./lib/prepare";

await runCommand(async () => {
  await prepareDatabase();
  console.log(await loadDemo(cliActor()));
});
