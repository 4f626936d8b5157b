/**
 * The Slack double's limits for the delivery measurement. chat.postMessage: 1 message per second per channel
 * (Slack's documented rule; each DM is its own channel). Workspace: Slack publishes no number for
 * chat.postMessage across channels ("several hundred messages per minute"); 5 per second (300 a minute) with
 * bursts of 20 is a conservative reading of it.
 */
export const LIMITS = { postMessagePerChannelPerSecond: 1, workspaceBurst: 20, workspaceRefillPerSecond: 5 };
