import { readFile } from "node:fs/promises";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

// @prisma/schema-engine-wasm imports its .wasm file as an ES module, which Node 20 only supports behind
// --experimental-wasm-modules. We instantiate the module ourselves (what schema_engine.js does with that
// import) so plain `node`, tsx and vitest can all use it. Compiled once per process.

// The WebAssembly global is not in this project's type libraries (ES2023 + Node, no DOM): type what we use.
interface WasmInstantiation {
  instance: { exports: Record<string, unknown> & { __wbindgen_start: () => void } };
}
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<WasmInstantiation>;
  };
};

let engineModule: Promise<typeof glue> | undefined;

async function instantiateSchemaEngineWasm(): Promise<typeof glue> {
  const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm"));
  const bytes = await readFile(wasmUrl);
  // wasm-bindgen glue: the module's imports are the functions exported by schema_engine_bg.js.
  const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

function loadSchemaEngineModule(): Promise<typeof glue> {
  engineModule ??= instantiateSchemaEngineWasm().catch((error: unknown) => {
    engineModule = undefined;
    throw error;
  });
  return engineModule;
}

export async function schemaEngineVersion(): Promise<string> {
  return (await loadSchemaEngineModule()).version();
}

/** Starts a Prisma schema engine (WebAssembly) that talks to the database through the driver adapter. */
export async function startSchemaEngine(
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  options: {
    datamodels?: [path: string, content: string][];
    log?: ((line: string) => void) | undefined;
  } = {},
): Promise<SchemaEngine> {
  const module = await loadSchemaEngineModule();
  const log = options.log ?? (() => {});
  return module.SchemaEngine.new({ datamodels: options.datamodels }, log, adapterFactory);
}
