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

/** The bot's HTTP answer. */
export interface DriverResponse {
  status: number;
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
    const response = await fetch(url, { method: "POST", headers, body: rawBody });
    const body = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body,
      json: <T>() => JSON.parse(body) as T,
      request: { rawBody, contentType },
    };
  };
}
