import type { LocatedProblem } from "./inspect-workflow-file.ts";

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");
}

/** One line for a problem: "workflows/x.yaml:12:7: measures[3].leads[0]: unknown department …". */
export function formatWorkflowProblem(file: string, problem: LocatedProblem): string {
  const position = problem.line === null ? "" : `:${problem.line}:${problem.column ?? 1}`;
  const where = problem.path.length === 0 ? "" : `${formatPath(problem.path)}: `;
  return `${file}${position}: ${problem.severity === "warning" ? "warning: " : ""}${where}${problem.message}`;
}
