import { Command, CommanderError } from "commander";
import { isDomainError } from "../domain/errors.ts";
import { type CliIo, processIo } from "./cli-io.ts";
import { registerCommands } from "./commands/index.ts";

/** Exit code for a user mistake (bad input, bad configuration). */
export const EXIT_USAGE = 2;

export function buildProgram(io: CliIo): Command {
  const program = new Command("duban")
    .description("Duban (督办): turns an implementation plan into tracked work and keeps it moving")
    .showHelpAfterError("(run `duban --help` for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerCommands(program, io);
  return program;
}

/** Runs the CLI and returns the exit code. User mistakes print one line and give exit code 2. */
export async function runCli(argv: string[], given?: CliIo): Promise<number> {
  let io: CliIo | undefined = given;
  try {
    io ??= await processIo();
    await buildProgram(io).parseAsync(argv, { from: "user" });
    return io.exitCode ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (isDomainError(error)) {
      const line = `duban: ${error.userMessage}`;
      if (io === undefined) process.stderr.write(`${line}\n`);
      else io.err(line);
      return EXIT_USAGE;
    }
    throw error;
  }
}
