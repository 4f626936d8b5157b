import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPgAdapterFactory, createPgliteAdapterFactory } from "./create-adapter-factory.ts";
import { lockDataDirectory } from "./data-directory-lock.ts";
import { PrismaClient } from "./generated/client.ts";

export interface DatabaseSettings {
  /** A PostgreSQL server URL; unset means the embedded database. */
  databaseUrl?: string | undefined;
  /** Where the embedded database lives. */
  dataDir: string;
}

export interface OpenDatabase {
  kind: "embedded" | "server";
  /** Where the data is, for people: a directory, or the server URL without its password. */
  location: string;
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/**
 * Opens the database Duban is configured for: a PostgreSQL server when a URL is given, otherwise the
 * embedded PGlite database under the data directory, locked for this process (`purpose` names it to
 * anyone else who tries).
 */
export async function openDatabase(settings: DatabaseSettings, purpose: string): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    const adapterFactory = createPgAdapterFactory(settings.databaseUrl, { connectionTimeoutMillis: 5000 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      kind: "server",
      location: redactUrl(settings.databaseUrl),
      prisma,
      adapterFactory,
      close: () => prisma.$disconnect(),
    };
  }
  const dataDir = resolve(settings.dataDir);
  const lock = await lockDataDirectory(dataDir, purpose);
  try {
    const pgliteDir = resolve(dataDir, "pglite");
    const pglite = await PGlite.create(pgliteDir);
    const adapterFactory = createPgliteAdapterFactory(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      kind: "embedded",
      location: pgliteDir,
      prisma,
      adapterFactory,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
