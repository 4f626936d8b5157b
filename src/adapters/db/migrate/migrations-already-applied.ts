import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/client.ts";
import { readMigrationsDirectory } from "./read-migrations-directory.ts";

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
}

/**
 * True when every migration in the directory is recorded in `_prisma_migrations` as finished, with the
 * checksum Prisma records (SHA-256 of its migration.sql), and the table holds nothing else that is not rolled
 * back: then nothing is pending, and start-up need not load the schema engine (WebAssembly: about half a
 * second and tens of MB). Anything else — no table yet, a pending, failed, edited or unknown migration —
 * answers false, and the caller asks the schema engine as before.
 */
export async function migrationsAlreadyApplied(
  prisma: PrismaClient,
  migrationsDir: string,
): Promise<boolean> {
  const [table] = await prisma.$queryRawUnsafe<Array<{ present: boolean }>>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
  );
  if (table?.present !== true) return false;
  const records = await prisma.$queryRawUnsafe<MigrationRecord[]>(
    "SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations",
  );
  const live = records.filter((record) => !record.rolled_back);
  if (live.some((record) => !record.finished)) return false;
  const { migrationDirectories } = await readMigrationsDirectory(migrationsDir);
  const local = new Map<string, string>();
  for (const directory of migrationDirectories) {
    const script = directory.migrationFile.content;
    if (script.tag !== "ok") return false;
    local.set(directory.path, createHash("sha256").update(script.value).digest("hex"));
  }
  if (live.some((record) => local.get(record.migration_name) !== record.checksum)) return false;
  const applied = new Set(live.map((record) => record.migration_name));
  return [...local.keys()].every((name) => applied.has(name));
}
