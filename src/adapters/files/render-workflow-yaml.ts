import { Document, isPair, isScalar, isSeq, Scalar, visit } from "yaml";
import type { Workflow } from "../../domain/workflow/workflow-schema.ts";

/** Short lists stay on one line: `leads: [市农业农村局, 市发展改革委]`. */
const FLOW_KEYS = new Set(["leads", "aliases", "suggestedLeads"]);
/** Lists the schema defaults to empty: left out when empty. */
const OMIT_WHEN_EMPTY = new Set(["aliases", "cooperating", "suggestedLeads", "indicators"]);
/** Long texts as literal blocks (`|-`), each on its own lines. */
const BLOCK_KEYS = new Set(["text", "basis"]);

/** Renders a workflow as YAML: measure texts as literal blocks, short lists inline, header comment on top. */
export function renderWorkflowYaml(
  workflow: Workflow,
  header: readonly string[],
  schemaRef?: string,
): string {
  const document = new Document(workflow);
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      if (isSeq(pair.value) && OMIT_WHEN_EMPTY.has(key) && pair.value.items.length === 0) return visit.REMOVE;
      if (isSeq(pair.value) && FLOW_KEYS.has(key)) pair.value.flow = true;
      if (isScalar(pair.value) && BLOCK_KEYS.has(key)) pair.value.type = Scalar.BLOCK_LITERAL;
      return undefined;
    },
  });
  const lines = [
    ...(schemaRef === undefined ? [] : [`yaml-language-server: $schema=${schemaRef}`]),
    ...header,
  ];
  document.commentBefore = lines.map((line) => ` ${line}`).join("\n");
  return document.toString({ lineWidth: 0, blockQuote: "literal", flowCollectionPadding: false });
}
