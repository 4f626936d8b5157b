// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the existing migrations and prisma/schema.prisma. Needs no database server and no
// download: the migrations are replayed on an in-memory PGlite by Prisma's WebAssembly schema engine.
import { relative } from "node:path";
import { createMigration } from "../src/adapters/db/migrate/create-migration.ts";
import { isDomainError } from "../src/domain/errors.ts";
import { MIGRATIONS_DIR, PROJECT_ROOT, SCHEMA_PATH } from "../src/shared/project-paths.ts";

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || rest.length > 0) {
    console.error("usage: npm run db:migration -- <name>   (e.g. add_task_notes)");
    return 2;
  }
  const created = await createMigration({ migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH, name });
  if (created === null) {
    console.log("no changes: the migrations already produce prisma/schema.prisma; nothing written");
    return 0;
  }
  console.log(
    `created ${relative(PROJECT_ROOT, created.directory)}/migration.sql — review it, then commit it`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(
    isDomainError(error) ? error.userMessage : error instanceof Error ? error.message : String(error),
  );
  process.exitCode = 1;
}
