import type { CliIo } from "../../src/cli/cli-io.ts";
import type { Clock } from "../../src/domain/ports/clock.ts";

/** A CliIo that records what a command writes, for tests driving `runCli`. */
export interface RecordingCliIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

/** "Now" for CLI tests that do not choose their own: a Monday in November 2026, never the machine's date. */
export const CLI_TEST_NOW = "2026-11-16T10:00:00+08:00";

/** A clock that stands still at `iso`. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}

export function recordingCliIo(
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  clock: Clock = fixedClock(CLI_TEST_NOW),
): RecordingCliIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => {
      stdout.push(text);
    },
    err: (text) => {
      stderr.push(text);
    },
    env,
    cwd,
    clock,
  };
}
