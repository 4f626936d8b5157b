import { type Logger as BoltLogger, type WebClient, webApi } from "./bolt.ts";

export interface OutboxWebClientOptions {
  botToken: string;
  /** SLACK_API_URL (tests and benches aim it at the Slack double). */
  apiUrl?: string | undefined;
  logger?: BoltLogger;
}

/**
 * How long one Web API request may take before it is abandoned. An outbox message claimed longer ago than a few
 * times this (ScheduleTuning.inDoubtAfterMs) can no longer be in flight: it is reconciled by its key.
 */
export const SLACK_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A Web API client for scheduled delivery: it does not wait out HTTP 429 itself (rejectRateLimitedCalls) and
 * does not retry, so the outbox sees every rate limit with its Retry-After and every failure, and keeps its
 * own retry schedule in the database (a process that stops loses no waiting message).
 */
export function createOutboxWebClient(options: OutboxWebClientOptions): WebClient {
  return new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : { logLevel: webApi.LogLevel.ERROR }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: SLACK_REQUEST_TIMEOUT_MS,
  });
}
