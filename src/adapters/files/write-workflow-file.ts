import { access, mkdir, writeFile } from "node:fs/promises";
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
}

/** Writes a workflow file, refusing to replace one unless told to (curated files must not be lost). */
export async function writeWorkflowFile(
  path: string,
  workflow: Workflow,
  options: WriteWorkflowOptions,
): Promise<void> {
  if (options.overwrite !== true) {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists)
      throw new DomainError(
        "file-exists",
        `${path} already exists: give another --out, or --force to replace it`,
      );
  }
  const schemaRef =
    options.schemaPath === undefined ? undefined : relative(dirname(path), options.schemaPath).replace(/^(?!\.)/, "./");
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, renderWorkflowYaml(workflow, options.header, schemaRef), "utf8");
}
