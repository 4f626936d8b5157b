import type {
  ApprovalRequestMessage,
  ApprovalResultMessage,
  ReportReceiptMessage,
} from "../../../domain/messages/message-types.ts";
import { buttonLine, type RenderContext } from "./render-context.ts";

type RecordMessage = ReportReceiptMessage | ApprovalRequestMessage | ApprovalResultMessage;

function mark(message: RecordMessage): string {
  if (message.kind === "report_receipt") return "✎";
  if (message.kind === "approval_request") return "⇩";
  return message.outcome === "approved" ? "✓" : "↩";
}

/** A report receipt, an approval request or its result: a title, its lines and the record's buttons. */
export function recordLines(message: RecordMessage, context: RenderContext): string[] {
  const title = `${mark(message)} ${message.title}`;
  const painted =
    message.kind === "approval_result" && message.outcome === "returned"
      ? context.style.error(title)
      : context.style.bold(title);
  return [
    painted,
    ...message.lines.map((line) => `  ${line}`),
    ...buttonLine(message.actions, context, "  "),
  ];
}
