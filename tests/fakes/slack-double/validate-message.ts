import { BlockKitProblems } from "./block-kit-problems.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { validateBlocks } from "./validate-block-kit.ts";

export interface MessageContent {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}

/**
 * Checks a message body as chat.postMessage / chat.update / chat.postEphemeral / response_url do.
 * Returns the error Slack would answer, or undefined when the message would be accepted.
 */
export function validateMessage(content: MessageContent): SlackApiResult | undefined {
  const { text, blocks, attachments } = content;
  if (blocks !== undefined && !Array.isArray(blocks)) return slackApiError("invalid_blocks_format");
  if (attachments !== undefined && !Array.isArray(attachments)) return slackApiError("invalid_attachments");
  const hasText = typeof text === "string" && text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) return slackApiError("no_text");
  if (typeof text === "string" && [...text].length > SLACK_LIMITS.messageText)
    return slackApiError("msg_too_long");
  if (Array.isArray(attachments) && attachments.length > SLACK_LIMITS.messageAttachments) {
    return slackApiError("too_many_attachments");
  }
  if (blocks === undefined) return undefined;
  const problems = new BlockKitProblems();
  validateBlocks(blocks, "/blocks", SLACK_LIMITS.messageBlocks, problems);
  return problems.messages.length > 0 ? slackApiError("invalid_blocks", problems.messages) : undefined;
}
