import type { OutboundMessage } from "../../../domain/messages/message-types.ts";
import { createRenderContext, type RenderContext, type RenderedText } from "./render-context.ts";
import { recordLines } from "./render-records.ts";
import { digestLines, escalationLines, reminderLines } from "./render-schedule-messages.ts";
import { scorecardLines } from "./render-scorecard.ts";
import {
  boardMessageLines,
  questionLines,
  statusLines,
  taskListLines,
  urgeLines,
} from "./render-task-messages.ts";
import { helpLines, historyLines, noticeLines, urgeSummaryLines } from "./render-text-messages.ts";
import type { TextStyle } from "./text-style.ts";

function linesOf(message: OutboundMessage, context: RenderContext): string[] {
  switch (message.kind) {
    case "help":
      return helpLines(message, context);
    case "notice":
      return noticeLines(message, context);
    case "task_list":
      return taskListLines(message, context);
    case "board":
      return boardMessageLines(message, context);
    case "status":
      return statusLines(message, context);
    case "urge":
      return urgeLines(message, context);
    case "urge_summary":
      return urgeSummaryLines(message, context);
    case "report_receipt":
    case "approval_request":
    case "approval_result":
      return recordLines(message, context);
    case "question":
      return questionLines(message, context);
    case "history":
      return historyLines(message, context);
    case "reminder":
      return reminderLines(message, context);
    case "escalation":
      return escalationLines(message, context);
    case "digest":
      return digestLines(message, context);
    case "scorecard":
      return scorecardLines(message, context);
    default:
      // A kind this shell does not know yet: its one-line summary still says what it is.
      return [(message as { summary?: string }).summary ?? ""];
  }
}

/**
 * Renders any message of the core as terminal text. Buttons are numbered from `firstAction` so the reader can
 * press them (`/press <n>`); with `firstAction` null (a message to someone else) they are shown unnumbered.
 */
export function renderMessage(
  message: OutboundMessage,
  style: TextStyle,
  firstAction: number | null,
): RenderedText {
  const context = createRenderContext(style, firstAction);
  return { lines: linesOf(message, context), actions: context.actions.actions };
}
