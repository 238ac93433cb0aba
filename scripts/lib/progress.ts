/**
 * Progress of a long command on stderr (standard output stays for results): a line per table when it is done, and
 * for a table that takes a while, a line every few seconds with how far it is.
 */
import type { Progress } from "@/lib/db/backup/dump";

const EVERY_MS = 2_000;

export function tableProgress(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  let lastTable = "";
  let lastLine = Date.now();
  return (progress: Progress): void => {
    const now = Date.now();
    const finished = progress.done >= progress.total;
    if (progress.table !== lastTable) lastLine = now;
    lastTable = progress.table;
    if (!finished && now - lastLine < EVERY_MS) return;
    lastLine = now;
    const count = finished
      ? `${progress.total.toLocaleString("en")} row${progress.total === 1 ? "" : "s"}`
      : `${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rows…`;
    write(`  ${progress.table.padEnd(24)} ${count}`);
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
