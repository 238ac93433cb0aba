/**
 * A throwaway PostgreSQL server for the integration tests: its own cluster in a fresh temporary folder, listening on
 * 127.0.0.1 only (a free port) and on a Unix socket inside that folder, tuned for speed over durability.
 * `stop()` shuts it down and removes the folder.
 *
 * PostgreSQL refuses to run as root, so when the tests run as root the folder is handed to the `postgres` user and
 * initdb / pg_ctl run as that user (runuser).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:54321/postgres (trust auth). */
  readonly url: string;
  /** The cluster's folder (data directory, socket, log). */
  readonly dir: string;
  stop(): Promise<void>;
  /** The same, synchronous: for signal and exit handlers, which cannot wait. */
  stopSync(): void;
  /**
   * Shuts the server down (fast mode: open connections are closed, as an operator's `pg_ctl stop` does), keeping
   * its data for startServer(): for tests of what the app does while its database is down.
   */
  stopServer(): Promise<void>;
  /** Starts the server stopped by stopServer() again, on the same port and data; resolves once it accepts connections. */
  startServer(): Promise<void>;
}

const SERVER_USER = "postgres";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/**
 * Tests create and drop databases: refuse to run when DATABASE_URL points anywhere but this machine, in case a
 * developer's shell still holds a staging or production URL.
 */
export function assertLocalDatabaseUrl(url: string | undefined): void {
  if (!url?.trim()) return;
  let host: string;
  try {
    const parsed = new URL(url);
    host = parsed.searchParams.get("host")?.startsWith("/") ? "" : parsed.hostname;
  } catch {
    throw new Error("Refusing to run the tests: DATABASE_URL is set but is not a URL. Unset it.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run the tests with DATABASE_URL pointing at ${host}: tests only touch databases on this ` +
        `machine. Unset DATABASE_URL.`,
    );
  }
}

/** initdb, pg_ctl: from `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBinaries(): string {
  const candidates: string[] = [];
  try {
    candidates.push(
      execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
  } catch {
    // No pg_config on the PATH (it comes with libpq-dev or postgresql-common): look in Debian's place.
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, "bin")));
  }
  const bindir = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!bindir) {
    throw new Error(
      "The integration tests need a PostgreSQL server's binaries (initdb, pg_ctl), and none were found via " +
        "`pg_config --bindir` or in /usr/lib/postgresql/*/bin. Install them with: apt-get update && " +
        "apt-get install -y postgresql",
    );
  }
  return bindir;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a server binary, as the `postgres` user when we are root. */
function run(bindir: string, command: string, args: string[]): SpawnSyncReturns<string> {
  const file = path.join(bindir, command);
  const [program, argv] = isRoot() ? ["runuser", ["-u", SERVER_USER, "--", file, ...args]] : [file, args];
  // cwd: a folder the postgres user may enter (it cannot enter root's working directory).
  return spawnSync(program, argv, { encoding: "utf8", cwd: "/", timeout: 120_000 });
}

function check(result: SpawnSyncReturns<string>, what: string, logFile?: string): void {
  if (result.status === 0) return;
  const log = logFile && existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n") : "";
  throw new Error(
    `${what} failed (exit ${result.status ?? result.signal}): ${result.error?.message ?? ""}\n` +
      `${result.stdout}\n${result.stderr}\n${log}`.trim(),
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A temporary folder for one server, owned by the server's user when this runs as root. */
async function serverFolder(prefix: string): Promise<{ dir: string; dataDir: string; logFile: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8" }).trim());
    await chown(dir, uid, gid);
  }
  return { dir, dataDir: path.join(dir, "data"), logFile: path.join(dir, "server.log") };
}

/** `pg_ctl start` and `pg_ctl stop` (fast) of the cluster in `dataDir`. */
function pgCtl(bindir: string, dataDir: string, logFile: string) {
  return {
    start: (options: string) =>
      run(bindir, "pg_ctl", [
        "--pgdata",
        dataDir,
        "--log",
        logFile,
        "--wait",
        "--timeout",
        "60",
        "--options",
        options,
        "start",
      ]),
    stopFast: () => run(bindir, "pg_ctl", ["--pgdata", dataDir, "--mode", "fast", "--wait", "stop"]),
  };
}

/** The PostgresServer of a cluster started on `port` with `options`; `label` names it in errors ("standby"). */
function runningServer(
  ctl: ReturnType<typeof pgCtl>,
  folder: { dir: string; dataDir: string; logFile: string },
  port: number,
  options: string,
  label = "",
): PostgresServer {
  const { dir, dataDir, logFile } = folder;
  const suffix = label === "" ? "" : ` (${label})`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stopSync: () => {
      if (!existsSync(dataDir)) return;
      // Stopping a server that stopServer() already stopped fails harmlessly.
      ctl.stopFast();
      spawnSync("rm", ["-rf", dir]);
    },
    stop: async () => {
      if (!existsSync(dataDir)) return;
      // Already stopped by stopServer(): nothing runs (no postmaster.pid), only the folder is left to remove.
      if (existsSync(path.join(dataDir, "postmaster.pid"))) check(ctl.stopFast(), `pg_ctl stop${suffix}`, logFile);
      await rm(dir, { recursive: true, force: true });
    },
    stopServer: async () => check(ctl.stopFast(), `pg_ctl stop${suffix}`, logFile),
    startServer: async () => check(ctl.start(options), `pg_ctl start${suffix}`, logFile),
  };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bindir = findPostgresBinaries();
  const folder = await serverFolder("accordwatch-pg-");
  const { dir, dataDir, logFile } = folder;
  const ctl = pgCtl(bindir, dataDir, logFile);
  try {
    check(
      run(bindir, "initdb", [
        "--pgdata",
        dataDir,
        "--username",
        "postgres",
        // Trust is safe here: the server listens on 127.0.0.1 and on a socket in a folder only its user can enter.
        "--auth",
        "trust",
        "--encoding",
        "UTF8",
        "--locale",
        "C",
        "--no-sync",
      ]),
      "initdb",
    );

    // A free port now may be taken by the time the server binds: retry a few times on a fresh one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-c unix_socket_directories=${dir}`,
        // Speed over durability: the cluster is thrown away after the run.
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      const started = ctl.start(options);
      if (started.status === 0) return runningServer(ctl, folder, port, options);
      if (attempt >= 3) check(started, "pg_ctl start", logFile);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A streaming replica of `primary` (a hot standby: it answers reads and refuses writes), for the read-replica tests:
 * `pg_basebackup -R` of the primary into a fresh temporary folder (the primary's defaults already allow it: wal_level
 * replica, wal senders, initdb's trust rule for replication from 127.0.0.1), started on a free port. It then follows
 * the primary over a replication connection, as a managed replica would. `stop()` shuts it down and removes the folder;
 * stop it before the primary.
 */
export async function startStandby(primary: PostgresServer): Promise<PostgresServer> {
  const bindir = findPostgresBinaries();
  const source = new URL(primary.url);
  const folder = await serverFolder("accordwatch-standby-");
  const { dir, dataDir, logFile } = folder;
  const ctl = pgCtl(bindir, dataDir, logFile);
  try {
    check(
      run(bindir, "pg_basebackup", [
        "--host",
        source.hostname,
        "--port",
        source.port,
        "--username",
        "postgres",
        "--pgdata",
        dataDir,
        // standby.signal and primary_conninfo: start as a standby streaming from the primary.
        "--write-recovery-conf",
        "--wal-method",
        "stream",
        // An immediate checkpoint on the primary rather than waiting for the next one.
        "--checkpoint",
        "fast",
        "--no-sync",
      ]),
      "pg_basebackup",
    );
    const port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c hot_standby=on",
      "-c max_connections=200",
    ].join(" ");
    check(ctl.start(options), "pg_ctl start (standby)", logFile);
    return runningServer(ctl, folder, port, options, "standby");
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
