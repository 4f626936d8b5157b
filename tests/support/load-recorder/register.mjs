// `node --import <this file>`: records every module the process loads into the file named by
// DUBAN_LOAD_LOG, one URL or path a line. ES modules are recorded by a load hook (Node runs hooks on their
// own thread, so the hook appends synchronously); CommonJS modules by wrapping Module._load's resolution,
// since a require() inside a CommonJS package does not pass through the ES module hooks on Node 20.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const log = process.env.DUBAN_LOAD_LOG;
if (!log) throw new Error("record-loaded-modules: set DUBAN_LOAD_LOG to the file to write");

register(new URL("./hooks.mjs", import.meta.url), { data: { log } });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function recordResolved(...args) {
  const resolved = resolveFilename.apply(this, args);
  appendFileSync(log, `${resolved}\n`);
  return resolved;
};
