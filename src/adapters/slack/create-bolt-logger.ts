import type { Logger } from "../logging/create-logger.ts";
import { type Logger as BoltLogger, LogLevel } from "./bolt.ts";

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt's and the WebClient's logger, writing through Duban's pino logger (component "slack"). Bolt and the
 * WebClient set names and levels on the logger they share; Duban's LOG_LEVEL stays in charge.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const slack = logger.child({ component: "slack" });
  const line = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(" ");
  return {
    debug: (...parts) => slack.debug(line(parts)),
    info: (...parts) => slack.info(line(parts)),
    warn: (...parts) => slack.warn(line(parts)),
    error: (...parts) => slack.error(line(parts)),
    setLevel: () => {},
    getLevel: () => LEVELS[slack.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
