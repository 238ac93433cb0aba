/**
 * `npm run health -- --org <slug> [--agreement <slug>] [--as-of YYYY-MM-DD] [--json]`: every milestone's health as
 * of a date (default today, UTC), as a table or as the health document of spec/health.md.
 */
import { z } from "zod";
import { systemViewer } from "@/lib/auth/viewer";
import { getHealthDocument } from "@/lib/data/health-document";
import { asOfSchema, orgSlugSchema, parseCommandLine, runCommand } from "./lib/cli";
import { cliActor } from "./lib/actor";
import { formatHealthTable } from "./lib/health-table";

await runCommand(async () => {
  const args = parseCommandLine(
    "npm run health -- --org <slug> [--agreement <slug>] [--as-of YYYY-MM-DD] [--json]",
    {
      org: { type: "string" },
      agreement: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
    },
    z.object({
      org: orgSlugSchema,
      agreement: z
        .string()
        .regex(/^[a-z0-9-]{1,80}$/, "expected an agreement slug")
        .optional(),
      "as-of": asOfSchema.default(() => new Date().toISOString().slice(0, 10)),
      json: z.boolean(),
      positionals: z.array(z.string()).max(0, "takes no positional arguments"),
    }),
  );
  const { dataset, document } = await getHealthDocument(systemViewer(cliActor()), args.org, {
    asOf: args["as-of"],
    ...(args.agreement === undefined ? {} : { agreement: args.agreement }),
  });
  process.stdout.write(args.json ? `${JSON.stringify(document, null, 2)}\n` : formatHealthTable(dataset, document));
});
