import { DomainError } from "../../domain/errors.ts";
import type { Workflow } from "../../domain/workflow/workflow-schema.ts";
import { formatWorkflowProblem } from "./format-workflow-problem.ts";
import { inspectWorkflowFile } from "./inspect-workflow-file.ts";

/**
 * Loads a workflow file for use (`duban load`): the parsed workflow, defaults applied. A file with any
 * error is refused with one line naming the first error and where it is; warnings do not stop it.
 * `name` is how messages call the file (the path as the user typed it).
 */
export async function loadWorkflowFile(path: string, name = path): Promise<Workflow> {
  const { workflow, problems } = await inspectWorkflowFile(path, name);
  const errors = problems.filter((problem) => problem.severity === "error");
  const first = errors[0];
  if (first !== undefined || workflow === null) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run \`duban validate ${name}\`)` : "";
    const detail = first === undefined ? `${name}: not a workflow file` : formatWorkflowProblem(name, first);
    throw new DomainError("workflow-invalid", `${detail}${more}`);
  }
  return workflow;
}
