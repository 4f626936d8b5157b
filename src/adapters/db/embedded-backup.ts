import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { DomainError } from "../../domain/errors.ts";
import { lockDataDirectory } from "./data-directory-lock.ts";

/** Where the running process keeps its daily snapshots, under DUBAN_DATA_DIR. */
export const BACKUPS_DIRNAME = "backups";
/** The embedded database's own directory, under DUBAN_DATA_DIR (open-database.ts). */
export const PGLITE_DIRNAME = "pglite";

/** A consistent copy of the embedded database: PGlite's data directory as a gzipped tarball. */
export type TakeSnapshot = () => Promise<Blob>;

/**
 * Writes a snapshot to `file` (a temporary name first, renamed once complete: a crash never leaves half a
 * backup under the final name). Returns the size in bytes.
 */
export async function writeSnapshotFile(snapshot: TakeSnapshot, file: string): Promise<number> {
  const bytes = new Uint8Array(await (await snapshot()).arrayBuffer());
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  return bytes.byteLength;
}

async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function readBackup(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES")
      throw new DomainError("backup_unreadable", `cannot read the backup ${file} (${code})`);
    throw error;
  }
}

/** The tar inside a gzipped backup; a file that is not one is refused before anything is written. */
function untarredBytes(bytes: Uint8Array, file: string): Uint8Array {
  const refuse = (why: string) =>
    new DomainError("backup_invalid", `${file} is not a backup of Duban's embedded database (${why})`);
  let tar: Uint8Array;
  try {
    tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
  } catch {
    throw refuse("its gzip data is damaged");
  }
  // a POSIX tar's first header carries "ustar" at offset 257
  if (Buffer.from(tar.subarray(257, 262)).toString("latin1") !== "ustar") throw refuse("not a tar archive");
  return tar;
}

/**
 * Restores a backup (`duban db backup`, or a daily snapshot) into `dataDir`, which must hold no database: it
 * may not exist, or hold nothing but its backups/ directory. The data directory is locked meanwhile, and the
 * result is checked to be a Duban database (its migration history is there); a file that is not one leaves
 * nothing behind.
 */
export async function restoreEmbeddedBackup(
  file: string,
  dataDir: string,
  onProgress: (line: string) => void = () => {},
): Promise<{ migrations: number }> {
  const target = resolve(dataDir);
  const present = (await entriesOf(target)).filter((name) => name !== BACKUPS_DIRNAME);
  if (present.length > 0) {
    throw new DomainError(
      "data_dir_not_empty",
      `${target} is not empty (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", …" : ""}); restore into an empty data directory`,
    );
  }
  const tar = untarredBytes(await readBackup(resolve(file)), file);
  onProgress(`restoring ${file} into ${target} …`);
  const lock = await lockDataDirectory(target, "duban db restore");
  const pgliteDir = join(target, PGLITE_DIRNAME);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    let migrations: number;
    try {
      const pglite = await PGlite.create(pgliteDir, {
        loadDataDir: new Blob([tar], { type: "application/x-tar" }),
      });
      try {
        const result = await pglite.query<{ count: number }>(
          "SELECT count(*)::int AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL",
        );
        migrations = result.rows[0]?.count ?? 0;
      } finally {
        await pglite.close();
      }
    } catch (error) {
      await rm(pgliteDir, { recursive: true, force: true });
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new DomainError(
        "backup_invalid",
        `${file} is not a backup of Duban's embedded database (${reason})`,
      );
    }
    return { migrations };
  } finally {
    await lock.release();
  }
}
