import { DomainError } from "../../domain/errors.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../shared/project-paths.ts";
import { migrationsAlreadyApplied } from "./migrate/migrations-already-applied.ts";
import type { OpenDatabase } from "./open-database.ts";

export interface PrepareSchemaOptions {
  /** Apply pending migrations on a server too (DUBAN_AUTO_MIGRATE=1). The embedded database always does. */
  autoMigrate: boolean;
  onApplied?: (migration: string) => void;
}

/**
 * Brings the schema up to date before Duban touches data: pending migrations are applied on the embedded
 * database and, when allowed, on a server; otherwise a server with pending migrations is refused with the
 * command that fixes it.
 */
export async function prepareSchema(
  db: OpenDatabase,
  options: PrepareSchemaOptions,
): Promise<{ applied: string[] }> {
  const paths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };
  // the usual start: everything applied, read from _prisma_migrations without loading the schema engine
  if (await migrationsAlreadyApplied(db.prisma, MIGRATIONS_DIR)) return { applied: [] };
  const { applyPendingMigrations, getMigrationStatus } = await import("./migrate/offline-migrator.ts");
  if (db.kind === "embedded" || options.autoMigrate) {
    const result = await applyPendingMigrations(db.adapterFactory, paths);
    for (const name of result.applied) options.onApplied?.(name);
    return result;
  }
  const status = await getMigrationStatus(db.adapterFactory, paths);
  if (status.pending.length > 0) {
    throw new DomainError(
      "pending_migrations",
      `the database at ${db.location} has ${status.pending.length} pending migration(s) (${status.pending.join(", ")}); run \`duban db migrate\` (or start with DUBAN_AUTO_MIGRATE=1)`,
    );
  }
  return { applied: [] };
}
