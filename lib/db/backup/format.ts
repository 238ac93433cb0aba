/**
 * The backup file (README, "Backup and restore"): JSON Lines, UTF-8, gzip-compressed when the name ends in `.gz`.
 *
 *   {"format":"accordwatch-backup","version":1,"createdAt":…,"engine":…,"migrations":[…],"tables":[…],"sequences":[…]}
 *   {"table":"organisations"}
 *   ["0197…","demo","Accordwatch demo",…]        one line per row: each column's PostgreSQL text form, or null
 *   …                                             (every table of the header, in its order: parents first)
 *   {"end":true,"rows":1234,"sha256":"…"}         the SHA-256 of every byte before this line
 *
 * A file is used only when every line is where the header says, every row has its columns, and the checksum
 * matches: a truncated or edited file is refused before anything is written.
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import { z } from "zod";

export const BACKUP_FORMAT = "accordwatch-backup";
export const BACKUP_VERSION = 1;

const columnSchema = z.object({ name: z.string().min(1), type: z.string().min(1) });

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  engine: z.enum(["embedded", "postgres"]),
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  tables: z
    .array(z.object({ name: z.string().min(1), columns: z.array(columnSchema).min(1), rows: z.number().int().min(0) }))
    .min(1),
  sequences: z.array(
    z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }),
  ),
});

export type BackupHeader = z.infer<typeof headerSchema>;

const trailerSchema = z.object({ end: z.literal(true), rows: z.number().int().min(0), sha256: z.string() });

/** The file cannot be used: the message is one line, for the person who gave it. */
export class BackupFileError extends Error {
  override readonly name = "BackupFileError";
}

// ---- Writing ----

export interface BackupWriter {
  /** One line (without its newline). */
  line(text: string): Promise<void>;
  /** Writes the trailer, closes the file and gives it its name; returns the bytes written. */
  finish(rows: number): Promise<number>;
  /** Removes the unfinished file. */
  abort(): Promise<void>;
}

/**
 * Writes beside `file` and renames at the end, so that `file` is either a whole backup or absent (an interrupted
 * backup never leaves something that looks like one).
 */
export async function createBackupWriter(file: string): Promise<BackupWriter> {
  const partial = `${file}.partial-${process.pid}`;
  // Fails at once on a folder that does not exist or cannot be written, before the database is read.
  await (await open(partial, "w", 0o600)).close();
  const out: WriteStream = createWriteStream(partial, { mode: 0o600 });
  const gzip: Gzip | null = file.endsWith(".gz") ? createGzip() : null;
  if (gzip) gzip.pipe(out);
  const sink: NodeJS.WritableStream = gzip ?? out;
  const hash: Hash = createHash("sha256");
  let failure: Error | null = null;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  out.on("error", onError);
  gzip?.on("error", onError);

  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    if (!sink.write(text)) await once(sink, "drain");
  };
  const close = async (): Promise<void> => {
    const finished = once(out, "close");
    sink.end();
    await finished;
    if (failure) throw failure;
  };
  return {
    line: async (text) => {
      const chunk = `${text}\n`;
      hash.update(chunk, "utf8");
      await write(chunk);
    },
    finish: async (rows) => {
      await write(`${JSON.stringify({ end: true, rows, sha256: hash.digest("hex") })}\n`);
      await close();
      await rename(partial, file);
      return out.bytesWritten;
    },
    abort: async () => {
      out.destroy();
      gzip?.destroy();
      await rm(partial, { force: true });
    },
  };
}

// ---- Reading ----

export interface BackupVisitor {
  /** Called once, after the header is read and checked. */
  header?(header: BackupHeader): Promise<void> | void;
  /** A row of `table`, as its line of text (a JSON array), with its index in the table. */
  row?(table: BackupHeader["tables"][number], line: string, index: number): Promise<void> | void;
  /** After the last row of `table`. */
  tableEnd?(table: BackupHeader["tables"][number]): Promise<void> | void;
}

/**
 * Reads `file` through, checking it as it goes (see the module comment); `validateRows` also parses every row.
 * Throws BackupFileError naming the line at the first problem. Returns the header.
 */
export async function readBackup(
  file: string,
  visitor: BackupVisitor = {},
  { validateRows = true }: { validateRows?: boolean } = {},
): Promise<BackupHeader> {
  const input = await openInput(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const hash = createHash("sha256");
  let lineNumber = 0;
  const fail = (message: string): never => {
    throw new BackupFileError(`${file} is not a usable backup: ${message} (line ${lineNumber}).`);
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail("a line is not JSON");
    }
  };

  let header: BackupHeader | undefined;
  let active: BackupHeader["tables"][number] | undefined;
  let next = 0;
  let rowIndex = 0;
  let total = 0;
  let trailer: z.infer<typeof trailerSchema> | undefined;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (trailer) {
        if (text.trim() === "") continue;
        fail("there is more after the end");
      }
      if (!header) {
        const parsed = parse(text);
        const candidate = parsed as { format?: unknown; version?: unknown } | null;
        if (candidate?.format !== BACKUP_FORMAT) fail("this is not an Accordwatch backup");
        if (typeof candidate?.version === "number" && candidate.version > BACKUP_VERSION) {
          fail(`it was made by a newer version of Accordwatch (format ${candidate.version})`);
        }
        const checked = headerSchema.safeParse(parsed);
        if (!checked.success) fail(`its header is malformed (${checked.error.issues[0]?.path.join(".") ?? ""})`);
        header = (checked as { data: BackupHeader }).data;
        hash.update(`${text}\n`, "utf8");
        await visitor.header?.(header);
        continue;
      }
      if (active && rowIndex < active.rows) {
        if (validateRows) {
          const row = parse(text);
          if (
            !Array.isArray(row) ||
            row.length !== active.columns.length ||
            !row.every((value) => value === null || typeof value === "string")
          ) {
            fail(`a row of ${active.name} does not have its ${active.columns.length} columns`);
          }
        }
        hash.update(`${text}\n`, "utf8");
        await visitor.row?.(active, text, rowIndex);
        rowIndex++;
        total++;
        continue;
      }
      // A table's marker, or the end.
      if (active) {
        await visitor.tableEnd?.(active);
        active = undefined;
      }
      const upcoming = header.tables[next];
      const parsed = parse(text) as { table?: unknown } | null;
      if (upcoming === undefined) {
        const checked = trailerSchema.safeParse(parsed);
        if (!checked.success) fail("the end of the backup is missing or malformed");
        trailer = (checked as { data: z.infer<typeof trailerSchema> }).data;
        continue;
      }
      if (parsed?.table !== upcoming.name) fail(`expected the rows of table ${upcoming.name}`);
      hash.update(`${text}\n`, "utf8");
      active = upcoming;
      next++;
      rowIndex = 0;
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") {
      throw new BackupFileError(`${file} is not a usable backup: its gzip data is damaged.`);
    }
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
  const unusable = (message: string) => new BackupFileError(`${file} is not a usable backup: ${message}.`);
  if (!header) throw unusable("it is empty");
  if (!trailer) throw unusable(`it ends early, at line ${lineNumber} (an interrupted copy?)`);
  if (trailer.rows !== total) throw unusable(`it says ${trailer.rows} rows but holds ${total}`);
  if (trailer.sha256 !== hash.digest("hex"))
    throw unusable("its checksum does not match its content (edited or damaged)");
  return header;
}

async function openInput(file: string): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  let magic: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      magic = Buffer.alloc(2);
      await handle.read(magic, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupFileError(`${file} does not exist.`);
    if (code === "EISDIR") throw new BackupFileError(`${file} is a folder, not a backup file.`);
    if (code === "EACCES") throw new BackupFileError(`${file} cannot be read (permission denied).`);
    throw error;
  }
  const raw = createReadStream(file);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return raw;
  const gunzip = createGunzip();
  raw.on("error", (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  return gunzip;
}
