import type { Command } from "commander";
import type { TaskStatusRow } from "../../services/list-task-statuses.ts";
import { padToWidth, truncateToWidth } from "../../shared/pad-to-width.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

const COLUMNS: Array<[string, number, (row: TaskStatusRow) => string]> = [
  ["measure", 8, (row) => row.measure.label],
  ["department", 22, (row) => row.department.name],
  ["light", 6, (row) => row.light],
  ["status", 18, (row) => row.statusText],
  ["due", 10, (row) => row.dueOn],
  [
    "last report",
    40,
    (row) =>
      row.lastReport === null
        ? "-"
        : `${row.lastReport.at.slice(0, 10)} ${row.lastReport.author}: ${row.lastReport.done}`,
  ],
  ["contacts", 20, (row) => (row.contacts.length === 0 ? "(none)" : row.contacts.join(", "))],
];

function tableLine(cells: string[]): string {
  return cells
    .map((cell, index) => {
      const width = COLUMNS[index]?.[1] ?? 10;
      return index === cells.length - 1 ? cell : padToWidth(truncateToWidth(cell, width), width);
    })
    .join("  ")
    .trimEnd();
}

/** `duban status [--json]`: every task with its status, light, last report and contacts. */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("every task with its status, status light, last report and contacts")
    .option("--json", "print JSON for scripts")
    .action(async (options: { json?: boolean }) => {
      const { listTaskStatuses } = await import("../../services/list-task-statuses.ts");
      await withDatabase(io, "duban status", async ({ core }) => {
        const { store, calendar } = await core();
        const status = await listTaskStatuses({ store, clock: io.clock, calendar });
        if (options.json === true) {
          io.out(JSON.stringify({ planId: status.planId, title: status.title, tasks: status.rows }, null, 2));
          return;
        }
        io.out(`${status.title} (${status.planId}): ${status.rows.length} tasks`);
        io.out(tableLine(COLUMNS.map(([title]) => title)));
        for (const row of status.rows) io.out(tableLine(COLUMNS.map(([, , cell]) => cell(row))));
      });
    });
}
