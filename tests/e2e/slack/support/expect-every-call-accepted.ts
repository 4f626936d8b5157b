import { expect } from "vitest";
import type { RecordedCall } from "../../../fakes/slack-double/create-call-log.ts";
import type { SlackDouble } from "../../../fakes/slack-double/start-slack-double.ts";

function refusal(call: RecordedCall): string | null {
  const response = call.response as {
    ok?: unknown;
    error?: unknown;
    response_metadata?: { messages?: unknown };
  } | null;
  if (call.status === 200 && response?.ok === true) return null;
  // the upload URL of files.getUploadURLExternal answers a plain HTTP 200 (no JSON), as Slack's does
  if (call.method === "upload_url" && call.status === 200) return null;
  const detail = response?.response_metadata?.messages ?? "";
  return `${call.method} -> HTTP ${call.status} ${String(response?.error ?? "")} ${JSON.stringify(detail)}`.trim();
}

/**
 * Every Web API and response_url call the double received since `since` (an index into its call log) was
 * accepted: HTTP 200 and ok:true, so no message or view broke one of Slack's limits. `rateLimited` allows
 * the 429s a test forced.
 */
export function expectEveryCallAccepted(
  double: SlackDouble,
  options: { since?: number; rateLimited?: number } = {},
): void {
  const calls = double.calls().slice(options.since ?? 0);
  expect(calls.length).toBeGreaterThan(0);
  const refused = calls.map(refusal).filter((line): line is string => line !== null);
  const forced = refused.filter((line) => / -> HTTP 429 ratelimited/.test(line));
  expect(forced.length).toBe(options.rateLimited ?? 0);
  expect(refused.filter((line) => !forced.includes(line))).toEqual([]);
}
