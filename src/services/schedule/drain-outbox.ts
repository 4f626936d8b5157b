import type { DeliveryReport } from "./deliver-outbox.ts";

export interface DrainOptions {
  now(): Date;
  /** Waits; resolves early (or rejects) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Stop after this time (passes already started finish). */
  deadline?: Date;
  signal?: AbortSignal;
}

export interface DrainReport {
  sent: number;
  failed: number;
  closed: number;
  passes: number;
  /** 429s honoured (each paused delivery until Retry-After). */
  rateLimited: number;
}

/**
 * Delivers until nothing is deliverable now: one pass after another, pausing until Retry-After whenever a
 * pass ends on a 429. Retries scheduled later (backoff) are left to a later drain.
 */
export async function drainOutbox(
  deliver: (now: Date) => Promise<DeliveryReport>,
  options: DrainOptions,
): Promise<DrainReport> {
  const total: DrainReport = { sent: 0, failed: 0, closed: 0, passes: 0, rateLimited: 0 };
  const timeLeft = () =>
    options.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : options.deadline.getTime() - options.now().getTime();
  while (!options.signal?.aborted && timeLeft() > 0) {
    const report = await deliver(options.now());
    total.passes += 1;
    total.sent += report.sent;
    total.failed += report.failed;
    total.closed += report.closed;
    if (report.rateLimitedUntil !== null) {
      total.rateLimited += 1;
      const wait = report.rateLimitedUntil.getTime() - options.now().getTime();
      if (wait > timeLeft()) break;
      if (wait > 0) await options.sleep(wait, options.signal);
      continue;
    }
    const next = report.nextAttemptAt;
    if (next === null || next.getTime() > options.now().getTime() || report.sent + report.failed === 0) break;
  }
  return total;
}
