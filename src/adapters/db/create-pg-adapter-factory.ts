import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { disposeAlso, executeScriptsAtomically } from "./execute-scripts-atomically.ts";
import { readInternalCharAsText } from "./pg-internal-char-as-text.ts";
import { createTemporaryPostgresDatabase } from "./temporary-postgres-database.ts";

/** pg pool settings other than the connection string, e.g. `{ connectionTimeoutMillis: 5000 }`. */
export type PgPoolOptions = Omit<pg.PoolConfig, "connectionString">;

async function connectPg(connectionString: string, poolOptions: PgPoolOptions): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ ...poolOptions, connectionString }).connect();
  const pool = adapter.underlyingDriver();
  readInternalCharAsText(pool);
  return executeScriptsAtomically(adapter, (script) => pool.query(script));
}

/**
 * Driver adapter factory for a PostgreSQL server. Every `connect()` opens its own pool, closed by the
 * adapter's `dispose()`. Its shadow database is a temporary database `duban_shadow_<random>` on the same
 * server, dropped when the engine lets go of it. (Loads no embedded-database code: a process on a server
 * never needs PGlite.)
 */
export function createPgAdapterFactory(
  connectionString: string,
  poolOptions: PgPoolOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  const stock = new PrismaPg({ ...poolOptions, connectionString });
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    connect: () => connectPg(connectionString, poolOptions),
    connectToShadowDb: async () => {
      const shadow = await createTemporaryPostgresDatabase(connectionString, "duban_shadow");
      try {
        return disposeAlso(await connectPg(shadow.url, poolOptions), shadow.drop);
      } catch (error) {
        await shadow.drop();
        throw error;
      }
    },
  };
}
