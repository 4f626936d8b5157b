import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { DomainError } from "../../../domain/errors.ts";
import { createPgliteAdapterFactory } from "../create-pglite-adapter-factory.ts";
import { MIGRATION_LOCK_CONTENT } from "./migration-lock-file.ts";
import { diffMigrationsToSchema } from "./offline-migrator.ts";
import { MIGRATION_LOCK_FILE, MIGRATION_SCRIPT_FILE } from "./read-migrations-directory.ts";

export interface CreateMigrationOptions {
  migrationsDir: string;
  schemaPath: string;
  /** What the migration does, e.g. `add_task_notes`; becomes `<YYYYMMDDHHMMSS>_<name>`. */
  name: string;
  now?: Date;
  log?: (message: string) => void;
}

const MIGRATION_NAME = /^[a-z][a-z0-9_]{0,79}$/;

export function checkMigrationName(name: string): void {
  if (!MIGRATION_NAME.test(name)) {
    throw new DomainError(
      "bad_migration_name",
      `bad migration name ${JSON.stringify(name)}: use lowercase letters, digits and underscores, starting with a letter (e.g. add_task_notes)`,
    );
  }
}

/** `20250131093000`: the UTC timestamp prefix Prisma gives migration directories. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

/**
 * A throwaway in-memory PGlite serving as both the engine's main connection (only asked for its version)
 * and the shadow database the migrations are replayed on, so a diff needs no server and one PGlite start.
 */
function scratchAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = createPgliteAdapterFactory(pglite);
  return { ...factory, connectToShadowDb: () => factory.connect() };
}

async function writeLockfileIfMissing(migrationsDir: string): Promise<void> {
  const path = join(migrationsDir, MIGRATION_LOCK_FILE);
  const current = await readFile(path, "utf8").catch(() => null);
  if (current === null) await writeFile(path, MIGRATION_LOCK_CONTENT);
}

/**
 * Writes the next migration — the SQL that takes a database migrated with the existing migrations to the
 * datamodel in the schema — to `<migrationsDir>/<timestamp>_<name>/migration.sql`, and
 * `migration_lock.toml` if there is none. Returns null (and writes nothing) when there is nothing to migrate.
 */
export async function createMigration(
  options: CreateMigrationOptions,
): Promise<{ name: string; directory: string } | null> {
  checkMigrationName(options.name);
  const migrationsDir = resolve(options.migrationsDir);
  const pglite = await PGlite.create();
  let sql: string;
  try {
    sql = await diffMigrationsToSchema(scratchAdapterFactory(pglite), {
      migrationsDir,
      schemaPath: options.schemaPath,
      log: options.log,
    });
  } finally {
    await pglite.close();
  }
  if (sql.trim() === "") return null;
  const name = `${migrationTimestamp(options.now ?? new Date())}_${options.name}`;
  const directory = join(migrationsDir, name);
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, MIGRATION_SCRIPT_FILE), sql, { flag: "wx" });
  await writeLockfileIfMissing(migrationsDir);
  return { name, directory };
}
