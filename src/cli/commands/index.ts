import type { Command } from "commander";
import type { CliIo } from "../cli-io.ts";

/** Every `duban` subcommand, each registered from its own file. */
export function registerCommands(program: Command, io: CliIo): void {
  void program;
  void io;
}
