// Bolt's App.js requires every receiver, and with them two packages an HTTP-mode Duban never runs:
// - @slack/socket-mode, and with it undici (its WebSocket and HTTP client, ~110 files and llhttp's
//   WebAssembly: ~20 MB of RSS), needed only in Socket Mode;
// - express (with body-parser and its ~60 dependencies: ~14 MB of RSS measured alone), needed only by Bolt's
//   ExpressReceiver, which Duban does not use (its HTTP mode is Bolt's HTTPReceiver, on node:http);
// - @slack/oauth (with jsonwebtoken and semver, ~90 files: ~12 MB of RSS measured alone), needed only when a
//   receiver is given OAuth settings (an InstallProvider); Duban is installed in one workspace with a bot token.
// This puts a stand-in for each in the CommonJS module cache before Bolt loads: its exports are the real
// module's, required on first use (Socket Mode's `new SocketModeClient(…)`, an ExpressReceiver's `express()`),
// so a process that never uses one never loads it. ./bolt.ts requires Bolt through `requireBolt()`, which
// installs the stand-ins first: a require, not an import, because the bundler hoists a package's import above
// the bundled module's own code. Depends on Bolt's internals; tests/e2e/lazy-loading.test.ts checks both
// stand-ins are used, and that the real modules load and work when their receiver is used.
import Module, { createRequire } from "node:module";

const requireFromHere = createRequire(import.meta.url);
const requireFromBolt = createRequire(requireFromHere.resolve("@slack/bolt"));

/**
 * `esModuleInterop`: the requiring module goes through TypeScript's `__importStar`, which asks for
 * `__esModule` first and copies every key otherwise; the stand-in answers `__esModule` itself and gives the
 * real module as `default`, so neither question loads it.
 */
function installStandIn(path: string, options: { esModuleInterop: boolean }): void {
  if (requireFromHere.cache[path] !== undefined) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete requireFromHere.cache[path];
      real = requireFromHere(path) as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (options.esModuleInterop && name === "__esModule") return true;
        if (options.esModuleInterop && name === "default") return load();
        return Reflect.get(load(), name);
      },
      has: (_target, name) => Reflect.has(load(), name),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, name) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), name);
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
  requireFromHere.cache[path] = standIn;
}

/** Bolt's CommonJS exports, required after the stand-ins are in place. */
export function requireBolt(): unknown {
  installStandIn(requireFromBolt.resolve("@slack/socket-mode"), { esModuleInterop: false });
  installStandIn(requireFromBolt.resolve("express"), { esModuleInterop: true });
  installStandIn(requireFromBolt.resolve("@slack/oauth"), { esModuleInterop: false });
  return requireFromHere("@slack/bolt");
}
