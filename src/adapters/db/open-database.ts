import { resolve } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
  /**
   * The embedded database only: a consistent snapshot (a checkpoint, then PGlite's data directory as a gzipped
   * tarball, taken while no query runs). A server is backed up with pg_dump instead.
   */
  snapshot?: () => Promise<Blob>;
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
 * PostgreSQL settings of the embedded database, on top of PGlite's own start parameters. PGlite runs
 * PostgreSQL inside this process, in WebAssembly memory that grows and never shrinks, so PostgreSQL's server
 * defaults (shared_buffers 128 MB, 100 connections) would cost their full size in this process's RSS. One
 * process with one connection needs far less; the operating system's page cache still holds the data files.
 */
export const EMBEDDED_POSTGRES_SETTINGS = {
  shared_buffers: "16MB",
  max_connections: "10",
} as const;

/**
 * Opens the database Duban is configured for: a PostgreSQL server when a URL is given, otherwise the
 * embedded PGlite database under the data directory, locked for this process (`purpose` names it to
 * anyone else who tries). Each loads only its own driver: PGlite (tens of MB once loaded) only for the
 * embedded database.
 */
export async function openDatabase(settings: DatabaseSettings, purpose: string): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    const { createPgAdapterFactory } = await import("./create-pg-adapter-factory.ts");
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
    const [{ PGlite }, { createPgliteAdapterFactory }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("./create-pglite-adapter-factory.ts"),
    ]);
    const pgliteDir = resolve(dataDir, "pglite");
    const settingsParams = Object.entries(EMBEDDED_POSTGRES_SETTINGS).flatMap(([name, value]) => [
      "-c",
      `${name}=${value}`,
    ]);
    const pglite = await PGlite.create(pgliteDir, {
      startParams: [...PGlite.defaultStartParams, ...settingsParams],
    });
    const adapterFactory = createPgliteAdapterFactory(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      kind: "embedded",
      location: pgliteDir,
      prisma,
      adapterFactory,
      snapshot: async () => {
        await pglite.exec("CHECKPOINT");
        return pglite.dumpDataDir("gzip");
      },
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
