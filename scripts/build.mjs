#!/usr/bin/env node
// `npm run build`: bundles src/ (with the generated Prisma client) into dist/ with esbuild, code-split at every
// dynamic import() so each command still loads only what it needs, with source maps; then stamps the build.
// `--if-stale` builds only when a source is newer than the stamp (npm start, the tests).
//
// Why a bundler rather than tsc's one-file-per-module output: Node's ES module loader resolves, reads, compiles
// and links each file on its own, and the shell's start loaded about 400 of them (300 of Duban's, 94 of zod's);
// loading them was about a quarter of the shell's start-up (README "Start-up and memory"). Packages that load
// their own files (WebAssembly, fonts, worker threads, native code) or that Duban defers on purpose stay
// outside the bundle, resolved from node_modules as before; small pure-JavaScript ones are bundled in.
// Types are not checked here: `npm run typecheck` (tsc --noEmit) does that.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, STAMP, staleBuildReason } from "./build-freshness.mjs";

if (process.argv.includes("--if-stale")) {
  const reason = staleBuildReason();
  if (reason === null) process.exit(0);
  process.stderr.write(`build: ${reason}; compiling\n`);
}

/** Dependencies compiled into the bundle: pure JavaScript with no files of their own to find at run time. */
const BUNDLED_PACKAGES = new Set(["zod", "yaml", "commander", "tyme4ts", "node-cron", "picocolors"]);
/** The modules tests and benchmarks load by path besides the two entry points. */
const ENTRY_POINTS = ["src/main.ts", "src/cli/run-cli-and-exit.ts", "src/adapters/slack/bolt.ts"];

/**
 * The generated Prisma client embeds its query compiler (WebAssembly) as a 2.3 MB base64 string in a JavaScript
 * module. Node keeps a module's source for as long as the process runs, so the bot carried the string twice
 * (the source and the string it defines; ~4.6 MB of its idle heap) to decode it once. The bundle gets the
 * compiler as a .wasm file beside the client's chunk instead, read and compiled the same way. The build
 * fails, naming this file, if a Prisma upgrade changes the code this replaces.
 */
const QUERY_COMPILER_WASM = "prisma-query-compiler.wasm";
const QUERY_COMPILER_BASE64_MODULE =
  "@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs";
const BASE64_LOADING = `    const { wasm } = await import("${QUERY_COMPILER_BASE64_MODULE}")
    return await decodeBase64AsWasm(wasm)`;
const FILE_LOADING = `    const { readFile } = await import("node:fs/promises")
    return new WebAssembly.Module(await readFile(new URL("./${QUERY_COMPILER_WASM}", import.meta.url)))`;
let queryCompilerReplaced = false;
const queryCompilerFromFile = {
  name: "prisma-query-compiler-from-file",
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]internal[\\/]class\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes(BASE64_LOADING)) {
        throw new Error(
          `${args.path} no longer loads the query compiler as scripts/build.mjs expects (a Prisma upgrade?); update QUERY_COMPILER_* there`,
        );
      }
      queryCompilerReplaced = true;
      return { contents: source.replace(BASE64_LOADING, FILE_LOADING), loader: "ts" };
    });
  },
};

/**
 * zod's classic API re-exports every one of its ~40 message translations (`z.locales`, 357 KB of the bundle's
 * largest chunk, compiled at every start); it uses English unless told otherwise, and Duban words its own
 * messages. The namespace is bundled empty: `z.locales.de()` would fail at once, not fall back quietly.
 */
const zodWithoutTranslations = {
  name: "zod-without-translations",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: "zod-locales", namespace: "duban-empty" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "duban-empty" }, () => ({
      contents: "export {};",
      loader: "js",
    }));
  },
};

const started = Date.now();
const require = createRequire(import.meta.url);
const { dependencies } = require(join(ROOT, "package.json"));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED_PACKAGES.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const { build } = await import("esbuild");
const out = join(ROOT, "dist");
rmSync(out, { recursive: true, force: true });
try {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: out,
    outbase: "src",
    entryNames: "[dir]/[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // bundled CommonJS (yaml's node build) calls require(); give the ES module chunks one
    banner: {
      js: 'import { createRequire as __dubanCreateRequire } from "node:module"; const require = __dubanCreateRequire(import.meta.url);',
    },
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    plugins: [queryCompilerFromFile, zodWithoutTranslations],
  });
  // the client's chunk reads the compiler beside itself: every chunk is in dist/chunks/
  const clientOutputs = Object.entries(result.metafile.outputs).filter(([, output]) =>
    Object.keys(output.inputs).some((input) => input.endsWith("generated/internal/class.ts")),
  );
  if (!queryCompilerReplaced || clientOutputs.some(([path]) => !path.startsWith("dist/chunks/"))) {
    throw new Error("the Prisma client's chunk is not in dist/chunks/, where its query compiler is written");
  }
  const { wasm } = await import(QUERY_COMPILER_BASE64_MODULE);
  writeFileSync(join(out, "chunks", QUERY_COMPILER_WASM), Buffer.from(wasm, "base64"));
  // which sources each output file holds: tests map the files a process loaded back to Duban's modules
  writeFileSync(join(out, "metafile.json"), JSON.stringify(result.metafile));
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(
    `build: failed (${error instanceof Error ? error.message.split("\n")[0] : error}); dist/ is removed\n`,
  );
  process.exit(1);
}
// files the bundle does not hold: the web board's stylesheet and icon, for the release package (no src/)
cpSync(join(ROOT, "src/adapters/web/assets"), join(out, "assets"), { recursive: true });
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
process.stderr.write(`build: dist/ bundled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
