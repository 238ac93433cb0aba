/**
 * `npm run bench:scale:server -- [--dir /tmp/accordwatch-scale] [--port N]`
 *
 * A PostgreSQL server of its own for the Scale benchmark (bench/README.md, "Scale"): a cluster in `--dir` (created
 * with initdb when empty, kept afterwards, so that the generated data survives for later runs), on 127.0.0.1 and a
 * free port (or `--port`), as the `postgres` user when run as root, trust authentication, and tuned as a throwaway
 * benchmark server: no fsync, 512 MB of shared buffers, 512 MB for index builds. It prints the URL to give
 * `bench:scale:generate` and `bench:scale`, and runs until Ctrl-C (or SIGTERM), when it stops the server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { findPostgresBinaries, freePort } from "../../tests/support/postgres";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function run(bindir: string, command: string, args: string[]): void {
  const file = path.join(bindir, command);
  const [program, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  const result = spawnSync(program, argv, { encoding: "utf8", cwd: "/", stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: "string", default: "/tmp/accordwatch-scale" }, port: { type: "string" } },
  });
  const dir = path.resolve(values.dir);
  const data = path.join(dir, "data");
  const bindir = findPostgresBinaries();
  mkdirSync(dir, { recursive: true });
  if (isRoot()) spawnSync("chown", ["postgres:postgres", dir]);
  if (!existsSync(data) || readdirSync(data).length === 0) {
    run(bindir, "initdb", ["--pgdata", data, "--username", "postgres", "--auth", "trust", "--encoding", "UTF8"]);
  }
  const port = values.port ? Number(values.port) : await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_wal_size=4GB",
    "-c shared_buffers=512MB",
    "-c maintenance_work_mem=512MB",
  ].join(" ");
  run(bindir, "pg_ctl", [
    "--pgdata",
    data,
    "--log",
    path.join(dir, "server.log"),
    "--wait",
    "--options",
    options,
    "start",
  ]);
  console.log(`PostgreSQL is running: postgres://postgres@127.0.0.1:${port}/scale (data in ${data}); Ctrl-C stops it.`);
  const stop = () => {
    run(bindir, "pg_ctl", ["--pgdata", data, "--mode", "fast", "--wait", "stop"]);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
