/**
 * `npm run generate`: generates the Prisma client into lib/db/generated/prisma, unless it is already newer than
 * everything it is made from (it runs before dev, start, build, typecheck and test, so it must be fast when there is
 * nothing to do). `--force` regenerates anyway.
 *
 * Plain JavaScript on purpose: it runs before anything else, with no TypeScript loader.
 *
 * `prisma generate` itself needs only Wasm, but the CLI first checks for its native schema-engine binary and tries to
 * download it, which fails here (../shared/notes/toolchain.md). PRISMA_SCHEMA_ENGINE_BINARY=/bin/false says "it is
 * there" and PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 stops it looking for the checksum file; generate never runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const stamp = path.join(root, "lib", "db", "generated", ".generated");

/** What the generated client is made from: the schema, the CLI config, and the versions of the generator. */
const inputs = [
  path.join(root, "prisma", "schema.prisma"),
  path.join(root, "prisma.config.ts"),
  require.resolve("prisma/package.json"),
  require.resolve("@prisma/client/package.json"),
];

function isCurrent() {
  if (!existsSync(stamp)) return false;
  const generatedAt = statSync(stamp).mtimeMs;
  return inputs.every((file) => !existsSync(file) || statSync(file).mtimeMs <= generatedAt);
}

if (!process.argv.includes("--force") && isCurrent()) process.exit(0);

const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    // No "update available" check against the network, no telemetry.
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
if (result.status !== 0) {
  console.error(`prisma generate failed (exit ${result.status ?? result.signal}).`);
  process.exit(1);
}
// Written last, so that an interrupted generation is redone next time.
writeFileSync(stamp, `${new Date().toISOString()}\n`);
