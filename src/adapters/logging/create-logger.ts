import { createRequire } from "node:module";
import { type Logger, pino } from "pino";
import type { PrettyOptions, PrettyStream } from "pino-pretty";

// pino-pretty (about 30 modules) is loaded only for a terminal: JSON logs, as a service writes them, never need it
const loadPretty = () =>
  createRequire(import.meta.url)("pino-pretty") as (options: PrettyOptions) => PrettyStream;

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** pretty: human-readable lines; json: one JSON object a line; auto: pretty in a terminal, JSON otherwise. */
  format: "pretty" | "json" | "auto";
  destination?: NodeJS.WritableStream;
}

/** The one logger factory: pretty in a terminal, JSON lines otherwise (for log collectors). */
export function createLogger({ level, format, destination = process.stderr }: LoggerOptions): Logger {
  const isTerminal = "isTTY" in destination && Boolean((destination as NodeJS.WriteStream).isTTY);
  const usePretty = format === "pretty" || (format === "auto" && isTerminal);
  if (!usePretty) return pino({ level, base: { app: "duban" } }, destination);
  const stream = loadPretty()({
    destination,
    colorize: isTerminal,
    sync: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,app",
  });
  return pino({ level }, stream);
}
