import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenDatabase, openDatabase } from "../../src/adapters/db/open-database.ts";
import { prepareSchema } from "../../src/adapters/db/prepare-schema.ts";
import { createTemporaryPostgresDatabase } from "../../src/adapters/db/temporary-postgres-database.ts";
import { seedNanyang, seedSynthetic } from "./seed-round-data.ts";

export type RoundPhase = "nanyang" | "synthetic";

export interface RoundDatabase {
  /** For the measuring process: DATABASE_URL, or the embedded database's DUBAN_DATA_DIR. */
  env: { BENCH_DATABASE_URL?: string; BENCH_DATA_DIR: string };
  kind: "postgres" | "pglite";
  contacts: number;
  discard(): Promise<void>;
}

/**
 * A migrated, seeded database for one round, prepared in this (the parent) process so the measuring process
 * loads no migration engine: a fresh PostgreSQL database on `server` (default TEST_DATABASE_URL; null: none), else an
 * embedded one on disk.
 */
export async function prepareRoundDatabase(
  phase: RoundPhase,
  server: string | null | undefined = process.env.TEST_DATABASE_URL,
  /** More data on top of the phase's (the web bench's reports and lights), written before ANALYZE. */
  extraSeed?: (prisma: OpenDatabase["prisma"]) => Promise<void>,
): Promise<RoundDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `duban-bench-${phase}-`));
  const temporary = server ? await createTemporaryPostgresDatabase(server, "duban_bench") : null;
  const db = await openDatabase({ databaseUrl: temporary?.url, dataDir }, "npm run bench");
  let contacts: number;
  try {
    await prepareSchema(db, { autoMigrate: true });
    const seeded =
      phase === "synthetic"
        ? await seedSynthetic(db.prisma, { measures: 20, departments: 5_000 })
        : await seedNanyang(db.prisma);
    contacts = seeded.contacts;
    await extraSeed?.(db.prisma);
    await db.prisma.$executeRawUnsafe("ANALYZE"); // as autovacuum would have by the time a round runs
  } finally {
    await db.close();
  }
  return {
    env: { BENCH_DATA_DIR: dataDir, ...(temporary ? { BENCH_DATABASE_URL: temporary.url } : {}) },
    kind: temporary ? "postgres" : "pglite",
    contacts,
    discard: async () => {
      await temporary?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
