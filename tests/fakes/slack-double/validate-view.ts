import { BlockKitProblems } from "./block-kit-problems.ts";
import { isJsonObject } from "./json-object.ts";
import { SLACK_LIMITS as L } from "./slack-limits.ts";
import { validateBlocks } from "./validate-block-kit.ts";

/**
 * Checks a view (modal or Home tab) as views.open/push/update/publish do. Slack answers problems with
 * `invalid_arguments` and `[ERROR] ... [json-pointer:/view/...]` lines; an empty list means accepted.
 */
export function validateView(view: unknown, allowedTypes: ReadonlyArray<"modal" | "home">): string[] {
  const problems = new BlockKitProblems();
  if (!isJsonObject(view)) {
    problems.add(view === undefined ? "missing required field: view" : "expected object", "/view");
    return problems.messages;
  }
  if (!allowedTypes.includes(view.type as "modal" | "home")) {
    problems.add(`must be one of: ${allowedTypes.join(", ")}`, "/view/type");
    return problems.messages;
  }
  if (view.blocks === undefined) problems.add("missing required field: blocks", "/view");
  else validateBlocks(view.blocks, "/view/blocks", L.viewBlocks, problems);
  problems.string(view.private_metadata, "/view/private_metadata", L.privateMetadata);
  problems.string(view.callback_id, "/view/callback_id", L.callbackId);
  problems.string(view.external_id, "/view/external_id", L.externalId);
  if (view.type === "modal") {
    problems.text(view.title, "/view/title", L.modalTitle, { plainOnly: true });
    problems.text(view.close, "/view/close", L.modalButton, { plainOnly: true, required: false });
    problems.text(view.submit, "/view/submit", L.modalButton, { plainOnly: true, required: false });
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((b) => isJsonObject(b) && b.type === "input");
    if (hasInput && view.submit === undefined) problems.add("missing required field: submit", "/view");
  }
  return problems.messages;
}
