import { processClock } from "../adapters/clock/system-clock.ts";
import type { Clock } from "../domain/ports/clock.ts";

/** Where a command writes, and what it reads "now" from. Tests pass their own; the real CLI uses the process's. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** "Now" for every command (status lights, the schedule, imports' dates): never read from anywhere else. */
  clock: Clock;
  /** Set by a command that finished but found problems (e.g. `duban doctor`): the exit code to return. */
  exitCode?: number;
}

/** The process's streams, environment and clock (the computer's, or DUBAN_CLOCK's; a bad DUBAN_CLOCK throws). */
export async function processIo(): Promise<CliIo> {
  // the configuration parser (zod) loads only when DUBAN_CLOCK is set, so `duban --help` stays light
  const start = process.env.DUBAN_CLOCK
    ? (await import("../config/parse-env.ts")).parseClockSetting(process.env)
    : undefined;
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    clock: processClock(start),
  };
}
