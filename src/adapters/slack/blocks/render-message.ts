import type { OutboundMessage } from "../../../domain/messages/message-types.ts";
import { BLOCK_LIMITS, type Block, clip } from "./block-kit.ts";
import { boardMessageBlocks } from "./board-message-blocks.ts";
import { digestMainBlocks } from "./digest-blocks.ts";
import { escalationBlocks } from "./escalation-blocks.ts";
import { keepWithinBudget } from "./message-budget.ts";
import { approvalRequestBlocks, approvalResultBlocks, reportReceiptBlocks } from "./record-blocks.ts";
import { reminderBlocks } from "./reminder-blocks.ts";
import { scorecardBlocks } from "./scorecard-blocks.ts";
import { slackWords } from "./slack-words.ts";
import { questionBlocks, statusBlocks, taskListBlocks, urgeBlocks } from "./task-list-blocks.ts";
import { helpBlocks, historyBlocks, noticeBlocks, urgeSummaryBlocks } from "./text-message-blocks.ts";

/** A message as chat.postMessage / chat.postEphemeral / response_url take it. */
export interface SlackMessage {
  /** The notification and fallback text. */
  text: string;
  blocks: Block[];
}

function blocksOf(message: OutboundMessage): Block[] {
  switch (message.kind) {
    case "help":
      return helpBlocks(message);
    case "notice":
      return noticeBlocks(message);
    case "task_list":
      return taskListBlocks(message);
    case "board":
      return boardMessageBlocks(message);
    case "status":
      return statusBlocks(message);
    case "urge":
      return urgeBlocks(message);
    case "urge_summary":
      return urgeSummaryBlocks(message);
    case "report_receipt":
      return reportReceiptBlocks(message);
    case "question":
      return questionBlocks(message);
    case "approval_request":
      return approvalRequestBlocks(message);
    case "approval_result":
      return approvalResultBlocks(message);
    case "history":
      return historyBlocks(message);
    case "scorecard":
      return scorecardBlocks(message);
    case "reminder":
      return reminderBlocks(message);
    case "escalation":
      return escalationBlocks(message);
    case "digest":
      return digestMainBlocks(message);
  }
}

/**
 * Renders any message model of the core as a Slack message within Slack's limits: 50 blocks and the text
 * budget (MESSAGE_TEXT_BUDGET), which each builder keeps and keepWithinBudget makes sure of.
 */
export function renderMessage(message: OutboundMessage): SlackMessage {
  return {
    text: clip(message.summary, BLOCK_LIMITS.fallbackText),
    blocks: keepWithinBudget(blocksOf(message), slackWords.overBudget(message.locale)),
  };
}
