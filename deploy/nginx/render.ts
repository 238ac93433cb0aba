/**
 * Renders deploy/nginx/accordwatch.conf.template: the {{…}} values and nothing else (deploy/README.md, "nginx").
 *
 *   node --import tsx deploy/nginx/render.ts --listen 80 --server-name accordwatch.example.org \
 *     --upstream 127.0.0.1:3001 --upstream 127.0.0.1:3002 --cache-dir /var/cache/nginx/accordwatch \
 *     > /etc/nginx/conf.d/accordwatch.conf
 *
 * The integration test (tests/integration/deploy-nginx.test.ts) renders the same file with its own ports and folders.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), "accordwatch.conf.template");

export interface NginxOptions {
  /** What `listen` takes: a port, or address:port (`80`, `127.0.0.1:8080`, `443 ssl`). */
  readonly listen: string;
  /** `_` matches any host. */
  readonly serverName?: string;
  /** The app instances, host:port each (`next start` on each). */
  readonly upstreams: readonly string[];
  /** The cache's folder (nginx's workers must be able to write it). */
  readonly cacheDir: string;
}

const HOST_PORT = /^[\w.-]+:\d{1,5}$|^\[[\da-f:]+\]:\d{1,5}$/i;

export function renderNginxConfig(options: NginxOptions): string {
  if (options.upstreams.length === 0) throw new Error("at least one --upstream host:port is needed");
  for (const upstream of options.upstreams) {
    if (!HOST_PORT.test(upstream)) throw new Error(`--upstream ${upstream}: must be host:port`);
  }
  // Each value ends up inside a directive: nothing that could end one (;) or open a block.
  for (const [name, value] of Object.entries({ listen: options.listen, cacheDir: options.cacheDir })) {
    if (!value || /[;{}\n]/.test(value)) throw new Error(`--${name}: must be set, without ; { } or line breaks`);
  }
  const serverName = options.serverName ?? "_";
  if (/[;{}\n]/.test(serverName)) throw new Error("--server-name: without ; { } or line breaks");
  const values: Record<string, string> = {
    // max_fails / fail_timeout: an instance that refuses connections is left alone for 5 s (nginx's passive check).
    UPSTREAM_SERVERS: options.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join("\n"),
    CACHE_DIR: options.cacheDir,
    LISTEN: options.listen,
    SERVER_NAME: serverName,
  };
  return readFileSync(TEMPLATE, "utf8").replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the template has an unknown value ${match}`);
    return value;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      listen: { type: "string", default: "80" },
      "server-name": { type: "string", default: "_" },
      upstream: { type: "string", multiple: true, default: ["127.0.0.1:3001"] },
      "cache-dir": { type: "string", default: "/var/cache/nginx/accordwatch" },
    },
  });
  try {
    process.stdout.write(
      renderNginxConfig({
        listen: values.listen,
        serverName: values["server-name"],
        upstreams: values.upstream,
        cacheDir: values["cache-dir"],
      }),
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
