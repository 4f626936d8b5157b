import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { disposeAlso } from "../execute-scripts-atomically.ts";
import { startSchemaEngine } from "./load-schema-engine.ts";

export interface SchemaEngineOptions {
  /** Receives the engine's log messages (one line each). */
  log?: ((message: string) => void) | undefined;
}

function forwardEngineLog(log: (message: string) => void): (line: string) => void {
  // The engine logs JSON lines; pass on what a person wants to see: each migration it applies, and trouble.
  return (line) => {
    let entry: { level?: string; fields?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    const message = entry.fields?.message;
    if (!message) return;
    if (entry.level === "WARN" || entry.level === "ERROR") log(`${entry.level.toLowerCase()}: ${message}`);
    else if (message.startsWith("Applying ")) log(message.replaceAll("`", ""));
  };
}

/**
 * Runs `use` with a schema engine connected through `adapterFactory`, then frees the engine and disposes
 * every connection it opened. Disposing matters: on PostgreSQL the engine takes a session-level advisory
 * lock while it migrates and never unlocks it; closing the connection does.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: SchemaEngineOptions,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const tracked = disposeAlso(adapter, async () => {});
    opened.push(tracked);
    return tracked;
  };
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await startSchemaEngine(bindMigrationAwareSqlAdapterFactory(trackingFactory), {
      log: options.log ? forwardEngineLog(options.log) : undefined,
    });
    return await use(engine);
  } finally {
    engine?.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
