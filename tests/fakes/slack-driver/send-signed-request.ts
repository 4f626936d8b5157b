import { signSlackRequest } from "./sign-slack-request.ts";

/** How to tamper with delivery; by default a request is signed correctly, now, without retry headers. */
export interface DeliveryOptions {
  /** Sets X-Slack-Retry-Num (and X-Slack-Retry-Reason, default "http_timeout"). */
  retryNum?: number;
  retryReason?: string;
  /** Sign with a wrong secret. */
  forgeSignature?: boolean;
  /** Timestamp 6 minutes in the past (Bolt refuses older than 5), correctly signed. */
  stale?: boolean;
}

/**
 * How long Slack waits for the answer to an event or an interaction: "respond within 3 seconds"
 * (docs.slack.dev/apis/events-api, docs.slack.dev/interactivity/handling-user-interaction). A later 200 is a
 * failure to Slack: the user sees an error, an event is delivered again.
 */
export const SLACK_ACK_DEADLINE_MS = 3000;

/** The bot's HTTP answer. */
export interface DriverResponse {
  status: number;
  /** From sending the request to the whole answer, in real milliseconds. */
  elapsedMs: number;
  /** What Slack counts as acknowledged: a 2xx within SLACK_ACK_DEADLINE_MS. */
  acknowledged: boolean;
  headers: Record<string, string>;
  body: string;
  json<T = unknown>(): T;
  /** The exact request body and type, for resend(). */
  request: { rawBody: string; contentType: string };
}

export type SignedSender = (
  rawBody: string,
  contentType: string,
  options?: DeliveryOptions,
) => Promise<DriverResponse>;

/**
 * POSTs bodies to `url` with the headers Slack sends: X-Slack-Request-Timestamp, X-Slack-Signature (v0) and,
 * for redeliveries, X-Slack-Retry-Num / X-Slack-Retry-Reason (docs.slack.dev/apis/events-api, "Retries").
 */
export function createSignedSender(url: string, signingSecret: string, now: () => number): SignedSender {
  return async (rawBody, contentType, options = {}) => {
    const timestamp = Math.floor(now() / 1000) - (options.stale ? 6 * 60 : 0);
    const secret = options.forgeSignature ? `${signingSecret}-forged` : signingSecret;
    const headers: Record<string, string> = {
      "content-type": contentType,
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(secret, timestamp, rawBody),
    };
    if (options.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(options.retryNum);
      headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
    }
    const started = performance.now();
    const response = await fetch(url, { method: "POST", headers, body: rawBody });
    const body = await response.text();
    const elapsedMs = performance.now() - started;
    return {
      status: response.status,
      elapsedMs,
      acknowledged: response.ok && elapsedMs <= SLACK_ACK_DEADLINE_MS,
      headers: Object.fromEntries(response.headers),
      body,
      json: <T>() => JSON.parse(body) as T,
      request: { rawBody, contentType },
    };
  };
}
