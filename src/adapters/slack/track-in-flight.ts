import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

export interface InFlightTracker {
  /** Global Bolt middleware: counts a request from dispatch until its listeners have finished. */
  middleware: Middleware<AnyMiddlewareArgs>;
  /** Resolves once no request is being processed (listeners may run after Slack got its 200). */
  idle(): Promise<void>;
}

/** Tracks requests still being processed, so stopping can wait for them before the database closes. */
export function trackInFlight(): InFlightTracker {
  let running = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (running > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  return {
    async middleware({ next }) {
      running += 1;
      try {
        await next();
      } finally {
        running -= 1;
        settle();
      }
    },
    async idle() {
      // let a request whose 200 was just sent reach this middleware first
      await new Promise((resolve) => setImmediate(resolve));
      if (running === 0) return;
      await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
