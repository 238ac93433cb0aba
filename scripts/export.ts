/** `npm run export -- --org <slug> [--public]`: the organisation's accordwatch/v1 document on standard output. */
import { z } from "zod";
import { systemViewer } from "@/lib/auth/viewer";
import { loadDataset } from "@/lib/data/load-dataset";
import { serializeInterchange } from "@/lib/domain/interchange";
import { orgSlugSchema, parseCommandLine, runCommand } from "./lib/cli";
import { cliActor } from "./lib/actor";

await runCommand(async () => {
  const args = parseCommandLine(
    "npm run export -- --org <slug> [--public]",
    { org: { type: "string" }, public: { type: "boolean", default: false } },
    z.object({
      org: orgSlugSchema,
      public: z.boolean(),
      positionals: z.array(z.string()).max(0, "takes no positional arguments"),
    }),
  );
  const dataset = await loadDataset(systemViewer(cliActor()), args.org, { publicOnly: args.public });
  process.stdout.write(serializeInterchange(dataset));
});
