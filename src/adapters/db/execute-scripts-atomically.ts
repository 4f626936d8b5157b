import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { toDriverAdapterError } from "./driver-adapter-error.ts";

/**
 * Replaces the adapter's `executeScript` (used by the schema engine to run a migration script) with one
 * that sends the whole script in one simple-protocol query, as Prisma's native engine does: PostgreSQL runs
 * it as a single implicit transaction, so a failing migration leaves nothing half applied, and semicolons
 * inside literals or function bodies are safe. (The stock adapters split the script on ";" (pg) or do not
 * wait for it (PGlite).)
 */
export function executeScriptsAtomically(
  adapter: SqlDriverAdapter,
  runScript: (script: string) => Promise<unknown>,
): SqlDriverAdapter {
  const executeScript = async (script: string): Promise<void> => {
    try {
      await runScript(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  Object.defineProperty(adapter, "executeScript", {
    value: executeScript,
    configurable: true,
    writable: true,
  });
  return adapter;
}

/** Makes `dispose` run `alsoDispose` after the adapter's own clean-up, once, however often it is called. */
export function disposeAlso(adapter: SqlDriverAdapter, alsoDispose: () => Promise<void>): SqlDriverAdapter {
  const ownDispose = adapter.dispose.bind(adapter);
  let disposing: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposing ??= (async () => {
      try {
        await ownDispose();
      } finally {
        await alsoDispose();
      }
    })();
    return disposing;
  };
  Object.defineProperty(adapter, "dispose", { value: dispose, configurable: true, writable: true });
  return adapter;
}
