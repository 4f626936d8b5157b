/** One request the double answered. `method` is a Web API method, or "upload_url" / "response_url". */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  /** The request path, e.g. "/api/chat.postMessage" or a response_url's path. */
  path: string;
  status: number;
  response: unknown;
}

export type CallPredicate = (call: RecordedCall) => boolean;

export interface CallLog {
  record(call: RecordedCall): void;
  calls(method?: string): RecordedCall[];
  waitForCall(method: string, predicate?: CallPredicate, timeoutMs?: number): Promise<RecordedCall>;
  reset(): void;
}

interface Waiter {
  method: string;
  predicate: CallPredicate;
  resolve(call: RecordedCall): void;
}

export function createCallLog(): CallLog {
  let recorded: RecordedCall[] = [];
  let waiters: Waiter[] = [];
  const matches = (waiter: Waiter, call: RecordedCall) =>
    call.method === waiter.method && waiter.predicate(call);
  return {
    record(call) {
      recorded.push(call);
      const satisfied = waiters.filter((waiter) => matches(waiter, call));
      waiters = waiters.filter((waiter) => !satisfied.includes(waiter));
      for (const waiter of satisfied) waiter.resolve(call);
    },
    calls(method) {
      return method === undefined ? [...recorded] : recorded.filter((call) => call.method === method);
    },
    waitForCall(method, predicate = () => true, timeoutMs = 5000) {
      const waiter: Waiter = { method, predicate, resolve: () => {} };
      const already = recorded.find((call) => matches(waiter, call));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((other) => other !== waiter);
          const seen = recorded.map((call) => call.method).join(", ") || "none";
          reject(
            new Error(`Slack double: no matching ${method} call within ${timeoutMs} ms (calls: ${seen})`),
          );
        }, timeoutMs);
        waiter.resolve = (call) => {
          clearTimeout(timer);
          resolve(call);
        };
        waiters.push(waiter);
      });
    },
    reset() {
      recorded = [];
    },
  };
}
