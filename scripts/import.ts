/** `npm run import -- <file> --org <slug> [--replace]`: validate an accordwatch/v1 document, then import it. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { systemViewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/data/errors";
import { importDocument } from "@/lib/data/import-dataset";
import { formatIssues } from "@/lib/domain/interchange";
import { CommandError, orgSlugSchema, parseCommandLine, runCommand } from "./lib/cli";
import { cliActor } from "./lib/actor";

const usage = "npm run import -- <file> --org <slug> [--replace]";

await runCommand(async () => {
  const args = parseCommandLine(
    usage,
    { org: { type: "string" }, replace: { type: "boolean", default: false } },
    z.object({
      org: orgSlugSchema,
      replace: z.boolean(),
      positionals: z.array(z.string()).length(1, "expected exactly one file to import"),
    }),
  );
  const file = args.positionals[0] as string;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CommandError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const outcome = await importDocument(systemViewer(cliActor()), args.org, text, { replace: args.replace }).catch(
    (error: unknown) => {
      if (error instanceof ConflictError)
        throw new CommandError(`${error.message} Import with --replace to replace them.`);
      throw error;
    },
  );
  if (!outcome.ok) {
    console.error(formatIssues(outcome.errors));
    throw new CommandError(`${outcome.errors.length} error(s) in ${file}; nothing was imported.`);
  }
  const { result } = outcome;
  const created = result.organisationCreated ? ` (organisation "${args.org}" created)` : "";
  const replaced = result.replaced.length > 0 ? `, replaced ${result.replaced.join(", ")}` : "";
  console.log(
    `Imported ${result.agreements} agreement(s) and ${result.sources} source(s) into "${args.org}"${created}${replaced}.`,
  );
});
