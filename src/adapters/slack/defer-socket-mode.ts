// Bolt's App.js requires every receiver, so @slack/socket-mode, and with it undici (its WebSocket and
// HTTP client, ~110 files and llhttp's WebAssembly: ~20 MB of RSS), loads even when Duban runs on Bolt's
// HTTP receiver and never opens a socket. This puts a stand-in for @slack/socket-mode in the CommonJS
// module cache before Bolt loads: its exports are the real module's, required on first use (Socket Mode's
// `new SocketModeClient(…)`), so the HTTP-mode process never loads it. Imported, for its effect, by
// ./bolt.ts before "@slack/bolt".
import Module, { createRequire } from "node:module";

const requireFromHere = createRequire(import.meta.url);
const socketModePath = createRequire(requireFromHere.resolve("@slack/bolt")).resolve("@slack/socket-mode");

function installStandIn(path: string): void {
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
      get: (_target, name) => Reflect.get(load(), name),
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

installStandIn(socketModePath);
