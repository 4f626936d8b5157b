import { createHmac } from "node:crypto";

/**
 * Slack's v0 request signature (docs.slack.dev/authentication/verifying-requests-from-slack):
 * "v0=" + hex(HMAC-SHA256(signingSecret, "v0:" + timestamp + ":" + rawBody)).
 */
export function signSlackRequest(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest("hex")}`;
}
