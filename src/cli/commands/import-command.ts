import { existsSync } from "node:fs";
import { basename, extname, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import type { Workflow } from "../../domain/workflow/workflow-schema.ts";
import type { CliIo } from "../cli-io.ts";

interface ImportOptions {
  out?: string;
  json?: boolean;
  id?: string;
  departments?: string;
  force?: boolean;
}

const SCHEMA_FILE = "workflows/workflow.schema.json";

function workflowIdFor(outPath: string, given: string | undefined): string {
  const id = given ?? basename(outPath, extname(outPath));
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new DomainError(
      "workflow-id",
      `"${id}" cannot be a workflow id: give --id with lowercase ASCII letters, digits and dashes`,
    );
  }
  return id;
}

function repoPath(io: CliIo, path: string): string {
  return relative(io.cwd, path).split(sep).join("/");
}

async function runImport(file: string, options: ImportOptions, io: CliIo): Promise<void> {
  const { loadWorkflowFile } = await import("../../adapters/files/load-workflow-file.ts");
  const { readPlanDocument } = await import("../../adapters/files/read-plan-document.ts");
  const { writeWorkflowFile } = await import("../../adapters/files/write-workflow-file.ts");
  const { parsePlanText } = await import("../../domain/plan-import/parse-plan-text.ts");
  const { buildWorkflow } = await import("../../domain/workflow/build-workflow.ts");
  const document = await readPlanDocument(resolve(io.cwd, file), file);
  const parsed = parsePlanText(document.text, file, document.tables);
  const warnings = [...document.warnings, ...parsed.warnings];
  if (options.json === true) io.out(JSON.stringify({ ...parsed, warnings }, null, 2));
  if (options.json === true && options.out === undefined) return;

  const out = options.out ?? `workflows/${basename(file, extname(file))}.yaml`;
  const outPath = resolve(io.cwd, out);
  let reused: Workflow | undefined;
  if (options.departments !== undefined)
    reused = await loadWorkflowFile(resolve(io.cwd, options.departments), options.departments);
  const built = buildWorkflow(parsed, {
    id: workflowIdFor(outPath, options.id),
    source: repoPath(io, resolve(io.cwd, file)),
    ...(reused === undefined ? {} : { departments: reused.departments, counties: reused.counties }),
  });
  warnings.push(...built.warnings);
  const schemaPath = resolve(io.cwd, SCHEMA_FILE);
  await writeWorkflowFile(outPath, built.workflow, {
    header: [
      `Imported by \`duban import ${file}\`. Check these, then delete this comment:`,
      ...warnings.map((warning) => `- ${warning}`),
    ],
    ...(existsSync(schemaPath) ? { schemaPath } : {}),
    overwrite: options.force === true,
    name: out,
  });
  if (options.json === true) return;
  const { measures } = built.workflow;
  const open = measures.filter((measure) => measure.needsAssignment).map((measure) => measure.label);
  io.out(`imported ${measures.length} measures from ${file} (${document.encoding})`);
  io.out(
    `  ${measures.length - open.length} with leads${open.length === 0 ? "" : `, ${open.length} need assignment: ${open.join(" ")}`}`,
  );
  io.out(`  ${built.workflow.departments.length} departments, ${built.workflow.counties.length} counties`);
  io.out(`wrote ${out}`);
  for (const warning of warnings) io.err(`warning: ${warning}`);
}

/** `duban import <file>`: turns a plan document (.txt, .docx or .xlsx) into a workflow file, or prints it as JSON. */
export function registerImportCommand(program: Command, io: CliIo): void {
  program
    .command("import")
    .description(
      "import an implementation plan (.txt in UTF-8 or GBK, .docx, or an .xlsx task-division table) into a workflow file",
    )
    .argument("<file>", "the plan document")
    .option("--out <file>", "workflow file to write (default: workflows/<name of the document>.yaml)")
    .option("--json", "print the parsed plan as JSON (writes no file unless --out is given)")
    .option("--id <id>", "workflow id (default: the --out file name)")
    .option("--departments <workflow>", "reuse the department directory and counties of this workflow file")
    .option("--force", "replace the --out file if it exists")
    .action(async (file: string, options: ImportOptions) => {
      await runImport(file, options, io);
    });
}
