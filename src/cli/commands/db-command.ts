import type { Command } from "commander";
import { applyPendingMigrations, getMigrationStatus } from "../../adapters/db/migrate/offline-migrator.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../shared/project-paths.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

const paths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };

/** `duban db migrate` and `duban db status`: the schema, managed offline (no Prisma download needed). */
export function registerDbCommand(program: Command, io: CliIo): void {
  const db = program.command("db").description("database schema: apply and inspect migrations");

  db.command("migrate")
    .description("apply pending migrations to the configured database")
    .action(async () => {
      await withDatabase(
        io,
        "duban db migrate",
        async ({ db: database }) => {
          io.out(`database: ${database.kind} (${database.location})`);
          const { applied } = await applyPendingMigrations(database.adapterFactory, {
            ...paths,
            log: (line: string) => io.out(line),
          });
          io.out(
            applied.length === 0
              ? "no pending migrations"
              : `applied ${applied.length} migration(s): ${applied.join(", ")}`,
          );
        },
        { prepare: false },
      );
    });

  db.command("status")
    .description("list applied and pending migrations")
    .action(async () => {
      await withDatabase(
        io,
        "duban db status",
        async ({ db: database }) => {
          const status = await getMigrationStatus(database.adapterFactory, paths);
          io.out(`database: ${database.kind} (${database.location})`);
          for (const name of status.applied) io.out(`  applied  ${name}`);
          for (const name of status.pending) io.out(`  pending  ${name}`);
          for (const name of status.failed) io.out(`  FAILED   ${name}`);
          io.out(
            status.pending.length === 0 && status.failed.length === 0
              ? "schema is up to date"
              : `${status.pending.length} pending, ${status.failed.length} failed: run \`duban db migrate\``,
          );
          if (status.failed.length > 0) io.exitCode = 1;
        },
        { prepare: false },
      );
    });
}
