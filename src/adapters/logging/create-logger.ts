import { type Logger, pino } from "pino";
import pretty from "pino-pretty";

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
  const stream = pretty({
    destination,
    colorize: isTerminal,
    sync: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,app",
  });
  return pino({ level }, stream);
}
