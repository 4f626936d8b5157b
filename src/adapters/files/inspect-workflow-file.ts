import { LineCounter } from "yaml";
import type { z } from "zod";
import { checkWorkflow, type WorkflowProblem } from "../../domain/workflow/check-workflow.ts";
import { type Workflow, WorkflowSchema } from "../../domain/workflow/workflow-schema.ts";
import { locateYamlPath } from "./locate-yaml-path.ts";
import { parseYamlText, readYamlText, type YamlProblem, yamlToData } from "./read-yaml-file.ts";

/** A problem found in a workflow file, with where it is (1-based line and column) when known. */
export interface LocatedProblem extends WorkflowProblem {
  line: number | null;
  column: number | null;
}

type FoundProblem = WorkflowProblem & { atKey: boolean };

function schemaProblems(issues: readonly z.core.$ZodIssue[]): FoundProblem[] {
  return issues.flatMap((issue): FoundProblem[] => {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"`,
        severity: "error" as const,
        atKey: true,
      }));
    }
    return [{ path, message: issue.message, severity: "error" as const, atKey: false }];
  });
}

/**
 * Reads a workflow file and lists every problem in it: YAML syntax, the schema, and what the schema
 * cannot check (names that resolve to no department, duplicates ...), each with its path and position.
 * `workflow` is null when the file does not match the schema; `name` is how messages call the file. The file is
 * read within YAML_LIMITS (size, nesting, aliases), and decoded as UTF-8 or GB18030/GBK (with a warning), so
 * problems quote its text readably.
 */
export async function inspectWorkflowFile(
  path: string,
  name = path,
): Promise<{ workflow: Workflow | null; problems: LocatedProblem[] }> {
  const { text, encoding } = await readYamlText(path, name, "workflow");
  const lineCounter = new LineCounter();
  const atOffset = ({ message, offset }: YamlProblem): LocatedProblem => {
    const position = offset === null ? null : lineCounter.linePos(offset);
    return {
      path: [],
      message,
      severity: "error",
      line: position?.line ?? null,
      column: position?.col ?? null,
    };
  };
  const { document, problems: yamlProblems } = parseYamlText(text, lineCounter);
  if (yamlProblems.length > 0) return { workflow: null, problems: yamlProblems.map(atOffset) };
  const converted = yamlToData(document);
  if ("problem" in converted) return { workflow: null, problems: [atOffset(converted.problem)] };
  const parsed = WorkflowSchema.safeParse(converted.data);
  const found = parsed.success
    ? checkWorkflow(parsed.data).map((problem) => ({ ...problem, atKey: false }))
    : schemaProblems(parsed.error.issues);
  const problems: LocatedProblem[] = found.map(({ atKey, ...problem }) => {
    const position = locateYamlPath(document, lineCounter, problem.path, atKey);
    return { ...problem, line: position?.line ?? null, column: position?.column ?? null };
  });
  if (encoding !== "UTF-8") {
    const message = `read as ${encoding} (it is not UTF-8): save it as UTF-8`;
    problems.push({ path: [], message, severity: "warning", line: null, column: null });
  }
  return { workflow: parsed.success ? parsed.data : null, problems };
}
