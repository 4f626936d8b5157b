import { type Logger, LogLevel } from "@slack/bolt";

export interface LoggedLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
}

/**
 * A Bolt/WebClient logger that prints nothing and keeps what it was told, so that Bolt's own error logging
 * (e.g. for a refused signature) does not trip tests/support/fail-on-console-error.ts, yet can be asserted.
 */
export function createSilentLogger(): Logger & { lines: LoggedLine[] } {
  let level = LogLevel.DEBUG;
  const lines: LoggedLine[] = [];
  const keep =
    (lineLevel: LoggedLine["level"]) =>
    (...message: unknown[]) => {
      lines.push({ level: lineLevel, message: message.map(String).join(" ") });
    };
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
