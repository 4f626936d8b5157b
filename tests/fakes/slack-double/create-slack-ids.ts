import { randomBytes } from "node:crypto";

/** Mints Slack-shaped identifiers: message timestamps, D/G/V/F ids and view hashes. */
export interface SlackIds {
  /** "1700000000.000100"-style, strictly increasing across calls. */
  ts(): string;
  /** e.g. id("D") -> "D0000000001" (prefix + 10 chars, upper-case base 36). */
  id(prefix: "D" | "G" | "V" | "F" | "Ev"): string;
  /** "1700000000.5f2a9c1b": what Slack returns as view.hash. */
  hash(): string;
}

export function createSlackIds(now: () => number = Date.now): SlackIds {
  let lastMicros = 0;
  let counter = 0;
  return {
    ts() {
      lastMicros = Math.max(now() * 1000, lastMicros + 1);
      const seconds = Math.floor(lastMicros / 1_000_000);
      return `${seconds}.${String(lastMicros % 1_000_000).padStart(6, "0")}`;
    },
    id(prefix) {
      counter += 1;
      return `${prefix}${counter.toString(36).toUpperCase().padStart(10, "0")}`;
    },
    hash() {
      return `${Math.floor(now() / 1000)}.${randomBytes(4).toString("hex")}`;
    },
  };
}

/** Slack's documented trigger_id shape, e.g. "132456.7890123.abcdef" (views.open docs). */
export const TRIGGER_ID_PATTERN = /^\d+\.\d+\.[0-9a-f]+$/;

export function mintTriggerId(now: () => number = Date.now): string {
  return `${Math.floor(now() / 1000)}.${randomBytes(4).readUInt32BE(0)}.${randomBytes(16).toString("hex")}`;
}
