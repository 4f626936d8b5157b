import { type OpenDatabase, openDatabase } from "../../src/adapters/db/open-database.ts";

/**
 * The measuring process's database, opened as `npm start` opens it: the server in BENCH_DATABASE_URL, or the
 * embedded database in BENCH_DATA_DIR (open-database.ts loads PGlite only for the latter).
 */
export function openRoundDatabase(): Promise<OpenDatabase> {
  return openDatabase(
    { databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: process.env.BENCH_DATA_DIR ?? "" },
    "npm run bench",
  );
}
