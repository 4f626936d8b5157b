export interface InFlightTracker {
  /** Runs one request's handling (from the receiver's hand-over until its listeners and the inbox are done). */
  run<T>(work: () => Promise<T>): Promise<T>;
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
    async run(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        settle();
      }
    },
    async idle() {
      // let a request whose bytes just arrived reach run() first
      await new Promise((resolve) => setImmediate(resolve));
      if (running === 0) return;
      await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
