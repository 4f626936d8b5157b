import { runCli } from "./main.ts";

/** Entry point of the `duban` binary: unexpected errors are printed once, with their stack, exit code 1. */
export async function runCliAndExit(argv: string[]): Promise<void> {
  try {
    process.exitCode = await runCli(argv);
  } catch (error) {
    process.stderr.write(
      `duban: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
