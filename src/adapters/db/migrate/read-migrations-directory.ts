import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";

export const MIGRATION_LOCK_FILE = "migration_lock.toml";
export const MIGRATION_SCRIPT_FILE = "migration.sql";

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function listSubdirectories(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

async function readMigrationDirectory(baseDir: string, name: string): Promise<MigrationDirectory> {
  const scriptPath = join(baseDir, name, MIGRATION_SCRIPT_FILE);
  const content = await readFile(scriptPath, "utf8").then(
    (value) => ({ tag: "ok" as const, value }),
    (error: Error) => ({ tag: "error" as const, value: error.message }),
  );
  return { path: name, migrationFile: { path: MIGRATION_SCRIPT_FILE, content } };
}

/**
 * Reads `prisma/migrations` into the shape the schema engine expects, the way the Prisma CLI does: every
 * subdirectory is a migration (sorted by name) whose script is `migration.sql`; a missing directory is an
 * empty history.
 */
export async function readMigrationsDirectory(migrationsDir: string): Promise<MigrationList> {
  const baseDir = resolve(migrationsDir);
  const names = await listSubdirectories(baseDir);
  return {
    baseDir,
    lockfile: {
      path: MIGRATION_LOCK_FILE,
      content: await readTextOrNull(join(baseDir, MIGRATION_LOCK_FILE)),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(names.map((name) => readMigrationDirectory(baseDir, name))),
  };
}
