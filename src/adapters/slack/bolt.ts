// "@slack/bolt" for Duban's Slack adapters: the values they use, required after ./defer-unused-receivers.ts has put
// its stand-ins in place, so the Socket Mode client (and undici) and express load only when used. Import Bolt
// from here, not directly (tests/unit/architecture/bolt-through-adapter.test.ts checks).
import type * as Bolt from "@slack/bolt";
import { requireBolt } from "./defer-unused-receivers.ts";

export type * from "@slack/bolt";

const bolt = requireBolt() as typeof Bolt;
export const App: typeof Bolt.App = bolt.App;
export type App = Bolt.App;
export const SocketModeReceiver: typeof Bolt.SocketModeReceiver = bolt.SocketModeReceiver;
export type SocketModeReceiver = Bolt.SocketModeReceiver;
export const LogLevel: typeof Bolt.LogLevel = bolt.LogLevel;
export type LogLevel = Bolt.LogLevel;
export const webApi: typeof Bolt.webApi = bolt.webApi;
export type WebClient = Bolt.webApi.WebClient;
export type RetryOptions = Bolt.webApi.RetryOptions;
