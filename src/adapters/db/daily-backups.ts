import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Clock } from "../../domain/ports/clock.ts";
import { type TakeSnapshot, writeSnapshotFile } from "./embedded-backup.ts";

/** A snapshot is written when the newest one is this old (or there is none). */
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
/** How often the running process looks whether a snapshot is due (and once right after start). */
export const BACKUP_CHECK_EVERY_MS = 10 * 60 * 1000;

const NAME = /^duban-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

/** `duban-20261120T020000Z.tar.gz`: the clock's time (UTC), so names sort by age. */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  return `duban-${stamp}.tar.gz`;
}

function timeOf(name: string): number | null {
  const match = NAME.exec(name);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

export interface DailyBackupsOptions {
  snapshot: TakeSnapshot;
  /** DUBAN_DATA_DIR/backups. */
  dir: string;
  /** Snapshots kept (the newest); older ones are deleted after each new one. */
  keep: number;
  clock: Clock;
  logger: { info(fields: object, message: string): void; error(fields: object, message: string): void };
  checkEveryMs?: number;
}

export interface RunningDailyBackups {
  /** Writes a snapshot if one is due; the file written, or null. */
  checkNow(): Promise<string | null>;
  /** No further checks; waits for a snapshot being written. */
  stop(): Promise<void>;
}

/** Lists Duban's snapshots in `dir`, newest first (other files are left alone). */
export async function listBackups(dir: string): Promise<Array<{ name: string; at: number }>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const at = timeOf(name);
      return at === null ? [] : [{ name, at }];
    })
    .sort((a, b) => b.at - a.at);
}

/**
 * The running process's daily snapshots of the embedded database: after start and every few minutes it looks
 * at DUBAN_DATA_DIR/backups/, writes a snapshot when the newest is a day old (by the process's clock), and keeps
 * the newest `keep`.
 */
export function startDailyBackups(options: DailyBackupsOptions): RunningDailyBackups {
  let busy: Promise<string | null> = Promise.resolve(null);
  let stopped = false;
  const check = async (): Promise<string | null> => {
    if (stopped) return null;
    const now = options.clock.now();
    const existing = await listBackups(options.dir);
    const newest = existing[0];
    if (newest !== undefined && now.getTime() - newest.at < BACKUP_EVERY_MS) return null;
    const name = backupFileName(now);
    const bytes = await writeSnapshotFile(options.snapshot, join(options.dir, name));
    const old = [{ name, at: now.getTime() }, ...existing.filter((backup) => backup.name !== name)].slice(
      options.keep,
    );
    for (const backup of old) await rm(join(options.dir, backup.name), { force: true });
    options.logger.info(
      { file: join(options.dir, name), bytes, removed: old.length },
      `backup: wrote ${name}`,
    );
    return join(options.dir, name);
  };
  const checkNow = () => {
    busy = busy
      .catch(() => null)
      .then(check)
      .catch((error: unknown) => {
        options.logger.error({ err: error }, "backup: the daily snapshot failed; trying again later");
        return null;
      });
    return busy;
  };
  const timer = setInterval(() => void checkNow(), options.checkEveryMs ?? BACKUP_CHECK_EVERY_MS);
  timer.unref();
  void checkNow();
  return {
    checkNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
