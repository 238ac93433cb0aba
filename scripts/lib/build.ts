/**
 * Whether the app's build (`next build`'s .next/BUILD_ID) is older than its sources: `npm start` builds again when it
 * is (scripts/start.ts), and so do the benchmarks before they copy the build (bench/support/app.ts).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What the build is made from, relative to the project's folder. */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "data",
  "prisma/schema.prisma",
  "next.config.mjs",
  "proxy.ts",
  "package.json",
] as const;

/** Newest modification time under `paths` of `root` (files or folders), skipping generated folders. */
function newestMtime(root: string, paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (/(^|\/)(generated|node_modules|\.next)$/.test(p)) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

/** True when `root` has a build no older than any of its sources. */
export function buildIsCurrent(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  return newestMtime(root, BUILD_SOURCES) <= statSync(buildId).mtimeMs;
}
