import type { Command } from "commander";
import type { CliIo } from "../cli-io.ts";
import { registerAssessCommand } from "./assess-command.ts";
import { registerAuditCommand } from "./audit-command.ts";
import { registerCalendarCommand } from "./calendar-command.ts";
import { registerContactsCommand } from "./contacts-command.ts";
import { registerDbCommand } from "./db-command.ts";
import { registerDigestCommand } from "./digest-command.ts";
import { registerDoctorCommand } from "./doctor-command.ts";
import { registerExportCommand } from "./export-command.ts";
import { registerImportCommand } from "./import-command.ts";
import { registerLoadCommand } from "./load-command.ts";
import { registerPlanCommand } from "./plan-command.ts";
import { registerScheduleCommand } from "./schedule-command.ts";
import { registerStatusCommand } from "./status-command.ts";
import { registerValidateCommand } from "./validate-command.ts";

/** Every `duban` subcommand, each registered from its own file. */
export function registerCommands(program: Command, io: CliIo): void {
  registerAssessCommand(program, io);
  registerAuditCommand(program, io);
  registerCalendarCommand(program, io);
  registerContactsCommand(program, io);
  registerDbCommand(program, io);
  registerDigestCommand(program, io);
  registerDoctorCommand(program, io);
  registerExportCommand(program, io);
  registerImportCommand(program, io);
  registerLoadCommand(program, io);
  registerPlanCommand(program, io);
  registerScheduleCommand(program, io);
  registerStatusCommand(program, io);
  registerValidateCommand(program, io);
}
