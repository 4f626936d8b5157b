import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { checkWorkflow, type WorkflowProblem } from "../../domain/workflow/check-workflow.ts";
import { type Workflow, WorkflowSchema } from "../../domain/workflow/workflow-schema.ts";
import { locateYamlPath } from "./locate-yaml-path.ts";

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

async function readText(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DomainError("file-not-found", `cannot read ${name}: no such file`);
    if (code === "EISDIR")
      throw new DomainError("file-is-directory", `cannot read ${name}: it is a directory`);
    throw error;
  }
}

/**
 * Reads a workflow file and lists every problem in it: YAML syntax, the schema, and what the schema
 * cannot check (names that resolve to no department, duplicates ...), each with its path and position.
 * `workflow` is null when the file does not match the schema; `name` is how messages call the file.
 */
export async function inspectWorkflowFile(
  path: string,
  name = path,
): Promise<{ workflow: Workflow | null; problems: LocatedProblem[] }> {
  const text = await readText(path, name);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return {
        path: [],
        message: error.message.split("\n")[0] ?? error.message,
        severity: "error" as const,
        line: position.line,
        column: position.col,
      };
    });
    return { workflow: null, problems };
  }
  const parsed = WorkflowSchema.safeParse(document.toJS());
  const found = parsed.success
    ? checkWorkflow(parsed.data).map((problem) => ({ ...problem, atKey: false }))
    : schemaProblems(parsed.error.issues);
  const problems = found.map(({ atKey, ...problem }) => {
    const position = locateYamlPath(document, lineCounter, problem.path, atKey);
    return { ...problem, line: position?.line ?? null, column: position?.column ?? null };
  });
  return { workflow: parsed.success ? parsed.data : null, problems };
}
