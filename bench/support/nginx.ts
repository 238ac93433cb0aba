/**
 * nginx for the spike benchmark: one nginx (master + workers, a temporary prefix folder, loopback ports) with two
 * servers:
 *  - the app behind its shared cache: deploy/nginx/accordwatch.conf.template rendered by deploy/nginx/render.ts
 *    when this checkout has it, otherwise bench/support/nginx-minimal.conf (a cache of its own: 1 s, stale while
 *    updating, background update, lock), which the figures then name;
 *  - a plain static server of a folder holding the same page as a file, for the comparison, with the http block's
 *    settings (Debian's: sendfile on, tcp_nopush on);
 *  - the same static server with the cache server's own settings for sending files (tcp_nopush, open_file_cache…,
 *    copied from its server block by sameSendingSettings): the same nginx serving the same bytes, as the cache's
 *    server would serve a file.
 */
import { spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse, type NginxParseTreeNode } from "nginx-conf/dist/src/parser";
import { childrenOf, commandLine, freePort, onExit, repo, sleep } from "./app";

const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
const DEPLOY_RENDER = path.join(repo, "deploy", "nginx", "render.ts");
const MINIMAL = path.join(import.meta.dirname, "nginx-minimal.conf");

export interface RunningNginx {
  /** The app through the cache. */
  readonly cachedUrl: string;
  /** The static server, with the http block's settings. */
  readonly staticUrl: string;
  /** The static server with the cache server's settings for sending files (`sameSettings`). */
  readonly staticSameSettingsUrl: string;
  /** The directives copied from the cache's server block into that static server, e.g. "tcp_nopush off". */
  readonly sameSettings: readonly string[];
  /** Which cache configuration: "deploy/nginx/accordwatch.conf.template" or "bench/support/nginx-minimal.conf". */
  readonly config: string;
  readonly http: HttpSettings;
  readonly dir: string;
  /** The worker processes' PIDs, for their CPU time. */
  workerPids(): number[];
  stop(): Promise<void>;
}

interface RenderModule {
  renderNginxConfig(options: {
    listen: string;
    serverName?: string;
    upstreams: readonly string[];
    cacheDir: string;
  }): string;
}

async function appServerConfig(listen: string, upstream: string, cacheDir: string): Promise<[string, string]> {
  if (existsSync(DEPLOY_RENDER)) {
    const { renderNginxConfig } = (await import(pathToFileURL(DEPLOY_RENDER).href)) as RenderModule;
    return [
      renderNginxConfig({ listen, upstreams: [upstream], cacheDir }),
      "deploy/nginx/accordwatch.conf.template (rendered by deploy/nginx/render.ts)",
    ];
  }
  const text = readFileSync(MINIMAL, "utf8")
    .replaceAll("{{LISTEN}}", listen)
    .replaceAll("{{UPSTREAM}}", upstream)
    .replaceAll("{{CACHE_DIR}}", cacheDir);
  return [text, "bench/support/nginx-minimal.conf (deploy/ has no nginx configuration in this checkout)"];
}

/** Directives that decide how nginx sends a file's bytes (and opens it), whatever the content. */
const SENDING_DIRECTIVES = new Set([
  "sendfile",
  "sendfile_max_chunk",
  "tcp_nopush",
  "tcp_nodelay",
  "output_buffers",
  "postpone_output",
  "directio",
  "aio",
  "open_file_cache",
  "open_file_cache_valid",
  "open_file_cache_min_uses",
  "open_file_cache_errors",
]);

/**
 * The directives for sending files set directly in the `server { … }` blocks of an http-context file (not in its
 * locations), in order, e.g. ["tcp_nopush off", "open_file_cache max=1000 inactive=20s"]. Parsed by nginx-conf.
 */
export function sameSendingSettings(config: string): string[] {
  let tree: NginxParseTreeNode | undefined;
  parse(config, (error, parsed) => {
    if (error) throw new Error(`nginx configuration: ${error.message}`);
    tree = parsed;
  });
  return (tree?.children ?? [])
    .filter((node) => node.isBlock && node.name === "server")
    .flatMap((server) => server.children ?? [])
    .filter((node) => !node.isBlock && SENDING_DIRECTIVES.has(node.name))
    .map((node) => `${node.name} ${node.value.trim().replace(/\s+/g, " ")}`);
}

export interface HttpSettings {
  /**
   * `tcp_nopush` of the http block. Debian's /etc/nginx/nginx.conf, which includes conf.d/ (where deploy/README.md
   * puts the app's file), says `sendfile on; tcp_nopush on;`: the default here.
   */
  readonly tcpNopush: boolean;
}

export const DEBIAN_DEFAULTS: HttpSettings = { tcpNopush: true };

/**
 * Starts nginx in the foreground (`daemon off`, its own process group) and resolves once both servers answer.
 * `files`: path under the static server's root → content.
 */
export async function startNginx(
  upstream: string,
  files: Record<string, string>,
  http: HttpSettings = DEBIAN_DEFAULTS,
): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-bench-nginx-"));
  // nginx's workers run as nobody: they must reach the folders they read and write.
  chmodSync(dir, 0o755);
  const nobody = { uid: 65534, gid: 65534 };
  for (const sub of ["cache", "tmp", "static"]) {
    mkdirSync(path.join(dir, sub));
    chownSync(path.join(dir, sub), nobody.uid, nobody.gid);
  }
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, "static", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    chmodSync(target, 0o644);
  }
  const [cachedPort, staticPort, samePort] = [await freePort(), await freePort(), await freePort()];
  const [appConfig, config] = await appServerConfig(`127.0.0.1:${cachedPort}`, upstream, path.join(dir, "cache"));
  const sameSettings = sameSendingSettings(appConfig);
  writeFileSync(path.join(dir, "app.conf"), appConfig);
  const tmp = path.join(dir, "tmp");
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush ${http.tcpNopush ? "on" : "off"};
    keepalive_requests 100000;
    client_body_temp_path ${tmp}/body;
    proxy_temp_path ${tmp}/proxy;
    fastcgi_temp_path ${tmp}/fastcgi;
    uwsgi_temp_path ${tmp}/uwsgi;
    scgi_temp_path ${tmp}/scgi;
    include ${dir}/app.conf;
    server {
        listen 127.0.0.1:${staticPort};
        root ${dir}/static;
    }
    server {
        listen 127.0.0.1:${samePort};
        root ${dir}/static;
${sameSettings.map((directive) => `        ${directive};\n`).join("")}    }
}
`,
  );
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start nginx");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Gone already.
    }
  };
  const forget = onExit(() => {
    kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });
  const stop = async () => {
    if (child.exitCode === null) kill("SIGQUIT");
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) kill("SIGKILL");
    forget();
    rmSync(dir, { recursive: true, force: true });
  };
  const cachedUrl = `http://127.0.0.1:${cachedPort}`;
  const staticUrl = `http://127.0.0.1:${staticPort}`;
  const staticSameSettingsUrl = `http://127.0.0.1:${samePort}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    try {
      const answers = await Promise.all(
        [`${cachedUrl}/healthz`, `${staticUrl}/`, `${staticSameSettingsUrl}/`].map((url) => fetch(url)),
      );
      await Promise.all(answers.map((answer) => answer.arrayBuffer()));
      break;
    } catch {
      if (i > 100) {
        await stop();
        throw new Error(`nginx did not answer: ${stderr}`);
      }
      await sleep(100);
    }
  }
  // Not the cache manager and cache loader, the master's other children (the loader exits after a minute).
  const workerPids = () => childrenOf(pid).filter((child) => commandLine(child).startsWith("nginx: worker process"));
  return { cachedUrl, staticUrl, staticSameSettingsUrl, sameSettings, config, http, dir, workerPids, stop };
}
