import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import type { Workflow } from "../../domain/workflow/workflow-schema.ts";
import { renderWorkflowYaml } from "./render-workflow-yaml.ts";

export interface WriteWorkflowOptions {
  /** Lines for the comment at the top (the importer's warnings). */
  header: readonly string[];
  /** The JSON Schema file, so editors check the YAML (yaml-language-server). */
  schemaPath?: string;
  /** Replace an existing file; without it, an existing file is never touched. */
  overwrite?: boolean;
  /** How messages call the file (the path as the user typed it). */
  name?: string;
}

/** Writes a workflow file, refusing to replace one unless told to (curated files must not be lost). */
export async function writeWorkflowFile(
  path: string,
  workflow: Workflow,
  options: WriteWorkflowOptions,
): Promise<void> {
  const schemaRef =
    options.schemaPath === undefined
      ? undefined
      : relative(dirname(path), options.schemaPath).replace(/^(?!\.)/, "./");
  const yaml = renderWorkflowYaml(workflow, options.header, schemaRef);
  await mkdir(dirname(path), { recursive: true });
  if (options.overwrite === true) {
    // written beside it, then renamed over it: a failure never leaves a half-written file
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, yaml, "utf8");
    await rename(temporary, path);
    return;
  }
  try {
    await writeFile(path, yaml, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const name = options.name ?? path;
    throw new DomainError(
      "file-exists",
      `${name} already exists: give another --out, or --force to replace it`,
    );
  }
}
