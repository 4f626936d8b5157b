import { z } from "zod";
import type { MessageAction } from "../../domain/messages/message-types.ts";
import { ACTION_IDS, homePageActionId } from "./ids.ts";

/** What a task button carries: the task (and, for "edit", the report). */
export const TaskButtonValueSchema = z.object({ task: z.string().min(1).max(64) });
export const EditButtonValueSchema = TaskButtonValueSchema.extend({ report: z.string().min(1).max(64) });
export const PageButtonValueSchema = z.object({ page: z.number().int().min(1).max(10_000) });

/** The action_id and value of a message model's button. Values are JSON, read back with the schemas above. */
export function encodeAction(action: MessageAction): { actionId: string; value: string } {
  switch (action.kind) {
    case "report":
      return { actionId: ACTION_IDS.report, value: JSON.stringify({ task: action.taskId }) };
    case "edit_report":
      return {
        actionId: ACTION_IDS.editReport,
        value: JSON.stringify({ task: action.taskId, report: action.reportId }),
      };
    case "approve":
      return { actionId: ACTION_IDS.approve, value: JSON.stringify({ task: action.taskId }) };
    case "return":
      return { actionId: ACTION_IDS.return, value: JSON.stringify({ task: action.taskId }) };
    case "home_page":
      return { actionId: homePageActionId(action.page), value: JSON.stringify({ page: action.page }) };
  }
}

/** Reads a button's JSON value with `schema`; null when it is not one Duban rendered. */
export function decodeActionValue<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
