import { z } from "zod";
import { WorkflowSchema } from "./workflow-schema.ts";

/** The JSON Schema of a workflow file as written (defaults optional), for editors that check YAML. */
export function workflowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(WorkflowSchema, { io: "input", target: "draft-2020-12" }),
    title: "Duban workflow file",
    description:
      "A plan (实施方案), its department directory, counties and measures. Checked by `duban validate`.",
  };
}
