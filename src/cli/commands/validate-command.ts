import { resolve } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import type { CliIo } from "../cli-io.ts";

/** Exit code for a file with errors: the same as any user mistake (EXIT_USAGE in ../main.ts). */
const EXIT_INVALID = 2;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function validate(file: string, io: CliIo): Promise<void> {
  const { formatWorkflowProblem } = await import("../../adapters/files/format-workflow-problem.ts");
  const { inspectWorkflowFile } = await import("../../adapters/files/inspect-workflow-file.ts");
  const { workflow, problems } = await inspectWorkflowFile(resolve(io.cwd, file), file);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  for (const problem of problems) {
    if (problem.severity === "error") io.err(formatWorkflowProblem(file, problem));
    else io.out(formatWorkflowProblem(file, problem));
  }
  if (errors > 0 || workflow === null) {
    io.err(`${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`);
    io.exitCode = EXIT_INVALID;
    return;
  }
  const counts = `${plural(workflow.measures.length, "measure")}, ${plural(workflow.departments.length, "department")}, ${plural(workflow.counties.length, "county", "counties")}`;
  io.out(`${file}: valid (${counts}${warnings === 0 ? "" : `; ${plural(warnings, "warning")}`})`);
}

/** `duban validate <file>`: checks a workflow file and lists every problem with its path, line and column. */
export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("check a workflow file: each problem with its path in the file, line and column")
    .argument("[file]", "the workflow file (workflows/<id>.yaml)")
    .option("--json-schema", "print the JSON Schema of workflow files instead (for editors)")
    .action(async (file: string | undefined, options: { jsonSchema?: boolean }) => {
      const { workflowJsonSchema } = await import("../../domain/workflow/workflow-json-schema.ts");
      if (options.jsonSchema === true) {
        io.out(JSON.stringify(workflowJsonSchema(), null, 2));
        return;
      }
      if (file === undefined)
        throw new DomainError("usage", "give the workflow file to check: duban validate <file>");
      await validate(file, io);
    });
}
