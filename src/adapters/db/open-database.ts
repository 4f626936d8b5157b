import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { lockDataDirectory } from "./data-directory-lock.ts";
import type { PrismaClient } from "./generated/client.ts";

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
 * Both database configurations run WebAssembly: Prisma's query compiler (1.7 MB) always, and PGlite, which is
 * PostgreSQL compiled to a 9 MB module, for the embedded database. V8 compiles WebAssembly with its baseline
 * compiler (Liftoff) and then, in background threads, recompiles hot functions with its optimizing one
 * (TurboFan). Measured on this project's 2-core machines (README "Start-up and memory"): PGlite opening an
 * existing database and closing took 1.0 s and 160 MB against 0.67 s and 126 MB with Liftoff only (the exit
 * waits for the compile jobs), and the idle Slack bot on PostgreSQL held 105–122 MB against 97–102 MB, the
 * spread being the optimizing compiler's memory. Duban's queries are small, so both run on baseline code; the
 * reply bench and the 100,000-task reminder round measure what that costs. The flag is V8's own
 * (`node --v8-options`); it must be set before the process's first WebAssembly module compiles, which is the
 * first query (Prisma) or PGlite's start, both after this.
 */
function useBaselineWasmCompiler(): void {
  setFlagsFromString("--liftoff-only");
}

/**
 * Opens the database Duban is configured for: a PostgreSQL server when a URL is given, otherwise the
 * embedded PGlite database under the data directory, locked for this process (`purpose` names it to
 * anyone else who tries). Each loads only its own driver: PGlite (tens of MB once loaded) only for the
 * embedded database.
 */
export async function openDatabase(settings: DatabaseSettings, purpose: string): Promise<OpenDatabase> {
  useBaselineWasmCompiler();
  if (settings.databaseUrl) {
    const [{ createPgAdapterFactory }, { PrismaClient }] = await Promise.all([
      import("./create-pg-adapter-factory.ts"),
      import("./generated/client.ts"),
    ]);
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
    const settingsParams = Object.entries(EMBEDDED_POSTGRES_SETTINGS).flatMap(([name, value]) => [
      "-c",
      `${name}=${value}`,
    ]);
    // PGlite's start waits on reading its 15 MB of WebAssembly and data and on compiling them off the main
    // thread: it begins first, and Prisma's client (~0.3 MB of JavaScript to compile) loads in those waits
    const starting = import("@electric-sql/pglite").then(({ PGlite }) =>
      PGlite.create(pgliteDir, { startParams: [...PGlite.defaultStartParams, ...settingsParams] }),
    );
    starting.catch(() => {}); // awaited (and thrown) below
    const modules = Promise.all([
      import("./create-pglite-adapter-factory.ts"),
      import("./generated/client.ts"),
    ]);
    const [[{ createPgliteAdapterFactory }, { PrismaClient }], pglite] = await Promise.all([
      modules,
      starting,
    ]).catch(async (error: unknown) => {
      // PGlite may have started while the rest failed: closed before the lock is released
      await starting.then((started) => started.close()).catch(() => {});
      throw error;
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
