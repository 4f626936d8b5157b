import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { disposeAlso, executeScriptsAtomically } from "./execute-scripts-atomically.ts";
import { readInternalCharAsText } from "./pg-internal-char-as-text.ts";
import { createTemporaryPostgresDatabase } from "./temporary-postgres-database.ts";

/** pg pool settings other than the connection string, e.g. `{ connectionTimeoutMillis: 5000 }`. */
export type PgPoolOptions = Omit<pg.PoolConfig, "connectionString">;

async function connectPglite(pglite: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  return executeScriptsAtomically(adapter, (script) => pglite.exec(script));
}

/**
 * Driver adapter factory for an embedded PGlite database (the caller owns `pglite` and closes it). Its
 * shadow database, used by the schema engine to replay migrations, is a fresh in-memory PGlite that is
 * closed when the engine lets go of it.
 */
export function createPgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const stock = new PrismaPGlite(pglite);
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    connect: () => connectPglite(pglite),
    connectToShadowDb: async () => {
      const shadow = await PGlite.create();
      return disposeAlso(await connectPglite(shadow), () => shadow.close());
    },
  };
}

async function connectPg(connectionString: string, poolOptions: PgPoolOptions): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ ...poolOptions, connectionString }).connect();
  const pool = adapter.underlyingDriver();
  readInternalCharAsText(pool);
  return executeScriptsAtomically(adapter, (script) => pool.query(script));
}

/**
 * Driver adapter factory for a PostgreSQL server. Every `connect()` opens its own pool, closed by the
 * adapter's `dispose()`. Its shadow database is a temporary database `duban_shadow_<random>` on the same
 * server, dropped when the engine lets go of it.
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
