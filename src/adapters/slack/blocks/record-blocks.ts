import type {
  ApprovalRequestMessage,
  ApprovalResultMessage,
  ReportReceiptMessage,
} from "../../../domain/messages/message-types.ts";
import { actionButton } from "./action-button.ts";
import { actions, type Block, clip, escapeMrkdwn, section } from "./block-kit.ts";

type RecordMessage = ReportReceiptMessage | ApprovalRequestMessage | ApprovalResultMessage;

const ICONS: Record<RecordMessage["kind"], string> = {
  report_receipt: ":memo:",
  approval_request: ":inbox_tray:",
  approval_result: ":white_check_mark:",
};

/** A title, its lines (each cut so the whole stays one section) and the record's buttons. */
function recordBlocks(message: RecordMessage, icon: string): Block[] {
  const lines = message.lines.map((line) => escapeMrkdwn(clip(line, 2000)));
  const blocks: Block[] = [
    section(`${icon} *${escapeMrkdwn(message.title)}*\n${lines.join("\n")}`, { blockId: "record" }),
  ];
  if (message.actions.length > 0)
    blocks.push(actions(message.actions.map(actionButton), `actions.${message.taskId}`));
  return blocks;
}

/** The answer to a report: what was stored, with an "edit" button. */
export function reportReceiptBlocks(message: ReportReceiptMessage): Block[] {
  return recordBlocks(message, ICONS.report_receipt);
}

/** To supervisors: approve (办结) or return a task reported done. */
export function approvalRequestBlocks(message: ApprovalRequestMessage): Block[] {
  return recordBlocks(message, ICONS.approval_request);
}

/** To contacts: their task was approved, or returned with the reason (and a report button). */
export function approvalResultBlocks(message: ApprovalResultMessage): Block[] {
  return recordBlocks(
    message,
    message.outcome === "approved" ? ICONS.approval_result : ":leftwards_arrow_with_hook:",
  );
}
