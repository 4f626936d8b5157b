import { type DriverResponse, type SignedSender, SLACK_ACK_DEADLINE_MS } from "./send-signed-request.ts";

/**
 * When Slack delivers an event again after a failed delivery: at most 3 retries, the first nearly at once (for
 * a timeout: at the 3-second mark, without waiting for the late answer), the second after 1 minute, the third
 * after 5 minutes (docs.slack.dev/apis/events-api, "Retries"; the schedule as summarised by
 * dev.classmethod.jp's "Slack Events APIの再送仕様": すぐ、1分後、5分後).
 */
export const SLACK_EVENT_RETRY_DELAYS_MS = [0, 60_000, 5 * 60_000] as const;

/** Why Slack retries, as X-Slack-Retry-Reason says (the reasons Duban can cause). */
export type RetryReason = "http_timeout" | "http_error" | "connection_failed";

/** What happened to each attempt of one event, in the order they were sent. */
export interface SlackDelivery {
  /** One per attempt: its answer (it may have come late), or why none came. */
  attempts: Array<{ retryNum: number; response: DriverResponse | null; failure: RetryReason | null }>;
  /** Whether some attempt was acknowledged in time (and so the event was delivered). */
  acknowledged: boolean;
}

export interface DeliverLikeSlackOptions {
  /** Stands for the minutes between retries; tests pass one that does not really wait. */
  wait?: (ms: number) => Promise<void>;
  /** The deadline (Slack's 3 seconds); shortened only in the double's own tests. */
  deadlineMs?: number;
}

type Outcome = { response: DriverResponse } | { error: unknown } | { late: true };

/**
 * Delivers an event as Slack does: the attempt counts only with a 2xx within the deadline; otherwise it is sent
 * again with X-Slack-Retry-Num (1, 2, 3) and X-Slack-Retry-Reason, on Slack's schedule, up to 3 retries. A
 * timed-out attempt is retried at the deadline, while its answer is still on the way (it is awaited before
 * this resolves, so nothing is left running).
 */
export async function deliverLikeSlack(
  send: SignedSender,
  rawBody: string,
  contentType: string,
  options: DeliverLikeSlackOptions = {},
): Promise<SlackDelivery> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadlineMs = options.deadlineMs ?? SLACK_ACK_DEADLINE_MS;
  const delivery: SlackDelivery = { attempts: [], acknowledged: false };
  const pending: Promise<unknown>[] = [];
  let reason: RetryReason | null = null;
  for (let retryNum = 0; retryNum <= SLACK_EVENT_RETRY_DELAYS_MS.length; retryNum += 1) {
    if (retryNum > 0) await wait(SLACK_EVENT_RETRY_DELAYS_MS[retryNum - 1] ?? 0);
    const attempt = {
      retryNum,
      response: null as DriverResponse | null,
      failure: null as RetryReason | null,
    };
    delivery.attempts.push(attempt);
    const sent: Promise<Outcome> = send(
      rawBody,
      contentType,
      retryNum === 0 ? {} : { retryNum, retryReason: reason ?? "http_error" },
    ).then(
      (response): Outcome => {
        attempt.response = response;
        return { response };
      },
      (error: unknown): Outcome => ({ error }),
    );
    pending.push(sent);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ late: true }), deadlineMs);
    });
    const outcome: Outcome = await Promise.race([sent, deadline]);
    clearTimeout(timer);
    if ("response" in outcome && outcome.response.acknowledged) {
      delivery.acknowledged = true;
      break;
    }
    const answered = "response" in outcome ? outcome.response.status : null;
    if ("late" in outcome || (answered !== null && answered >= 200 && answered < 300))
      reason = "http_timeout";
    else reason = "error" in outcome ? "connection_failed" : "http_error";
    attempt.failure = reason;
  }
  await Promise.all(pending);
  return delivery;
}
