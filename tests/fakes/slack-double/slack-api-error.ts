/** What a Web API method answers: Slack always uses HTTP 200 and `ok` for success and failure alike. */
export type SlackApiResult = { ok: boolean } & Record<string, unknown>;

/** `{ ok: false, error }`, with Slack's `[ERROR] ...` detail lines when there are any. */
export function slackApiError(error: string, messages: string[] = []): SlackApiResult {
  if (messages.length === 0) return { ok: false, error };
  return {
    ok: false,
    error,
    ...(error === "invalid_blocks" ? { errors: messages } : {}),
    response_metadata: { messages: messages.map((message) => `[ERROR] ${message}`) },
  };
}
