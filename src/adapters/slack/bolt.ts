// "@slack/bolt" for Duban's Slack adapters: the same exports, loaded after ./defer-socket-mode.ts so the
// Socket Mode client (and undici) loads only when Socket Mode is used. Import Bolt from here, not directly.
import "./defer-socket-mode.ts";

export * from "@slack/bolt";
