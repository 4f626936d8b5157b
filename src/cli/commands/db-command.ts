import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../shared/project-paths.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

const paths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };

/** `duban db migrate` and `duban db status`: the schema, managed offline (no Prisma download needed). */
export function registerDbCommand(program: Command, io: CliIo): void {
  const db = program
    .command("db")
    .description("database: apply and inspect migrations, back up and restore the embedded database");

  db.command("migrate")
    .description("apply pending migrations to the configured database")
    .action(async () => {
      const { applyPendingMigrations } = await import("../../adapters/db/migrate/offline-migrator.ts");
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
      const { getMigrationStatus } = await import("../../adapters/db/migrate/offline-migrator.ts");
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

  db.command("backup")
    .description("write a snapshot of the embedded database to <file> (while Duban is not running)")
    .argument("<file>", "the backup to write (a .tar.gz)")
    .action(async (file: string) => {
      const { parseEnv } = await import("../../config/parse-env.ts");
      const { PGLITE_DIRNAME, writeSnapshotFile } = await import("../../adapters/db/embedded-backup.ts");
      const env = parseEnv(io.env);
      refuseServer(env.DATABASE_URL, "back it up with pg_dump (README: Backups)");
      const dataDir = resolve(io.cwd, env.DUBAN_DATA_DIR);
      if (!existsSync(resolve(dataDir, PGLITE_DIRNAME)))
        throw new DomainError("no_database", `there is no embedded database in ${dataDir} to back up`);
      const target = resolve(io.cwd, file);
      if (existsSync(target))
        throw new DomainError("backup_exists", `${file} already exists; name a new file`);
      await withDatabase(
        io,
        "duban db backup",
        async ({ db: database }) => {
          if (database.snapshot === undefined) throw new Error("the embedded database gives no snapshot");
          io.err(`backing up ${database.location} …`);
          const bytes = await writeSnapshotFile(database.snapshot, target);
          io.out(`wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
        },
        { prepare: false },
      );
    });

  db.command("restore")
    .description("restore a backup into an empty data directory (DUBAN_DATA_DIR)")
    .argument("<file>", "a backup written by `duban db backup` or a daily one from DUBAN_DATA_DIR/backups/")
    .action(async (file: string) => {
      const { parseEnv } = await import("../../config/parse-env.ts");
      const { restoreEmbeddedBackup } = await import("../../adapters/db/embedded-backup.ts");
      const env = parseEnv(io.env);
      refuseServer(env.DATABASE_URL, "restore a pg_dump with pg_restore or psql (README: Backups)");
      const dataDir = resolve(io.cwd, env.DUBAN_DATA_DIR);
      const { migrations } = await restoreEmbeddedBackup(resolve(io.cwd, file), dataDir, io.err);
      io.out(
        `restored ${file} into ${dataDir} (${migrations} migration(s) applied in it); start Duban to use it`,
      );
    });
}

/** Backups here are the embedded database's; a server has its own tools. */
function refuseServer(databaseUrl: string | undefined, instead: string): void {
  if (databaseUrl !== undefined)
    throw new DomainError("server_backup", `DATABASE_URL names a PostgreSQL server: ${instead}`);
}
