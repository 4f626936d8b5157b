import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { disposeAlso, executeScriptsAtomically } from "./execute-scripts-atomically.ts";
import { withSharedQueryParsers } from "./pglite-shared-parsers.ts";

async function connectPglite(pglite: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(withSharedQueryParsers(pglite)).connect();
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
