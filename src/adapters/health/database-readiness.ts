import { readdir } from "node:fs/promises";
import { MIGRATIONS_DIR } from "../../shared/project-paths.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { ReadinessCheck } from "./readiness-checks.ts";

/** The database answers a query. */
export function databaseReachable(prisma: PrismaClient): ReadinessCheck {
  return async () => {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  };
}

/**
 * Every migration this build ships (prisma/migrations, read once) is applied: a deploy that replaced the code
 * without migrating a server is not ready. Reads Prisma's own history table; no schema engine per probe.
 */
export function migrationsCurrent(prisma: PrismaClient, migrationsDir = MIGRATIONS_DIR): ReadinessCheck {
  let shipped: Promise<string[]> | undefined;
  const listShipped = async () => {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  };
  return async () => {
    shipped ??= listShipped();
    const names = await shipped;
    const rows = await prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.migration_name));
    return names.every((name) => applied.has(name));
  };
}
