import type { CliIo } from "../../src/cli/cli-io.ts";

/** A CliIo that records what a command writes, for tests driving `runCli`. */
export interface RecordingCliIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

export function recordingCliIo(cwd: string, env: NodeJS.ProcessEnv = {}): RecordingCliIo {
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
  };
}
