import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { withMigrationLock } from "./migration-advisory-lock.ts";
import { MIGRATION_LOCK_CONTENT } from "./migration-lock-file.ts";
import { readMigrationsDirectory } from "./read-migrations-directory.ts";
import { reportingSchemaEngineErrors } from "./schema-engine-error.ts";
import { type SchemaEngineOptions, withSchemaEngine } from "./with-schema-engine.ts";

// Duban's migrations, offline: Prisma's schema engine compiled to WebAssembly, talking to the database
// through the same driver adapter as the Prisma client. Migrations are ordinary Prisma migrations
// (prisma/migrations/<timestamp>_<name>/migration.sql) recorded in `_prisma_migrations` exactly as
// `prisma migrate deploy` records them.

export interface MigrationPaths extends SchemaEngineOptions {
  /** `prisma/migrations` */
  migrationsDir: string;
  /** `prisma/schema.prisma` */
  schemaPath: string;
}

export interface MigrationStatus {
  /** Applied successfully, in order (including applied migrations missing from the directory). */
  applied: string[];
  /** In the directory, not yet applied. */
  pending: string[];
  /** Started but not finished (a failed script): needs a person. */
  failed: string[];
  /** Applied, but the migration.sql in the directory has changed since (checksum differs). */
  edited: string[];
  /** Applied to the database but absent from the directory (a newer Duban migrated it, or a branch). */
  missingLocally: string[];
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Applies the pending migrations and returns their names. Processes that start at once against one
 * server apply each migration exactly once: they take turns under Duban's advisory lock (waiting for a
 * long migration, up to `lockTimeoutMs`), and the engine also holds Prisma's own advisory lock
 * (pg_advisory_lock(72707369), as `prisma migrate deploy` does) while it applies. The engine connects
 * first, so an unreachable or missing database is reported in Prisma's words.
 */
export async function applyPendingMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths & { lockTimeoutMs?: number },
): Promise<{ applied: string[] }> {
  const lockOptions = { log: paths.log, timeoutMs: paths.lockTimeoutMs };
  return reportingSchemaEngineErrors("applying migrations", () =>
    withSchemaEngine(adapterFactory, { log: paths.log }, (engine) =>
      withMigrationLock(adapterFactory, lockOptions, async () => {
        // Read under the lock: a process that waited sees the directory as it is now.
        const migrationsList = await readMigrationsDirectory(paths.migrationsDir);
        const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
        return { applied: result.appliedMigrationNames };
      }),
    ),
  );
}

function pendingOf(history: DiagnoseMigrationHistoryOutput["history"]): string[] {
  if (history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge") {
    return history.unappliedMigrationNames;
  }
  return [];
}

function missingLocallyOf(history: DiagnoseMigrationHistoryOutput["history"]): string[] {
  if (history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge") {
    return history.unpersistedMigrationNames;
  }
  return [];
}

/** Compares the migrations directory with `_prisma_migrations`; changes nothing. */
export async function getMigrationStatus(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsDirectory(paths.migrationsDir);
  const diagnosis = await reportingSchemaEngineErrors("reading the migration status", () =>
    withSchemaEngine(adapterFactory, { log: paths.log }, (engine) =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    ),
  );
  const pending = pendingOf(diagnosis.history);
  const failed = diagnosis.failedMigrationNames;
  const missingLocally = missingLocallyOf(diagnosis.history);
  const notApplied = new Set([...pending, ...failed]);
  const local = migrationsList.migrationDirectories.map((directory) => directory.path);
  return {
    applied: [...local.filter((name) => !notApplied.has(name)), ...missingLocally],
    pending,
    failed,
    edited: diagnosis.editedMigrationNames,
    missingLocally,
  };
}

function withLockfile(migrationsList: MigrationList): MigrationList {
  // The engine needs the provider from migration_lock.toml, which does not exist before the first migration.
  if (migrationsList.lockfile.content !== null) return migrationsList;
  return { ...migrationsList, lockfile: { ...migrationsList.lockfile, content: MIGRATION_LOCK_CONTENT } };
}

/**
 * The SQL that would bring a database migrated with the migrations directory to the datamodel in the
 * schema file; "" when they agree. The migrations are replayed on the factory's shadow database (a fresh
 * in-memory PGlite, or a temporary database on the PostgreSQL server, dropped afterwards).
 */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
): Promise<string> {
  const schemaPath = resolve(paths.schemaPath);
  const [migrationsList, schema] = await Promise.all([
    readMigrationsDirectory(paths.migrationsDir),
    readFile(schemaPath, "utf8"),
  ]);
  const result = await reportingSchemaEngineErrors("comparing the migrations with the schema", () =>
    withSchemaEngine(adapterFactory, { log: paths.log }, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...withLockfile(migrationsList) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      }),
    ),
  );
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}
