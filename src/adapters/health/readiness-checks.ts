/** One readiness check: resolves true when that part is ready; false, a rejection or a time-out is "not ok". */
export type ReadinessCheck = () => Promise<boolean> | boolean;

/** The JSON /readyz answers: ok/not ok per check and nothing else (no error text, versions or hosts). */
export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, "ok" | "not ok">;
}

/** A check that takes longer than this counts as not ok (a load balancer's probe waits a few seconds at most). */
export const CHECK_TIMEOUT_MS = 2_000;

/**
 * The checks /readyz runs, by name. Parts register their checks as they start (the database first, the
 * schedule and the Slack connection once running); `running` is not ok until start-up has finished and
 * again from the moment the process begins to stop, so a load balancer stops sending it requests.
 */
export interface ReadinessChecks {
  add(name: string, check: ReadinessCheck): void;
  /** Start-up finished (true) or stopping began (false). */
  setRunning(running: boolean): void;
  report(): Promise<ReadinessReport>;
}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    Promise.resolve()
      .then(check)
      .then(
        (ok) => resolve(ok === true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });
}

export function createReadinessChecks(options: { timeoutMs?: number } = {}): ReadinessChecks {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const checks = new Map<string, ReadinessCheck>();
  let running = false;
  return {
    add(name, check) {
      checks.set(name, check);
    },
    setRunning(value) {
      running = value;
    },
    async report() {
      const names = [...checks.keys()];
      const results = await Promise.all(
        names.map((name) => withTimeout(checks.get(name) as ReadinessCheck, timeoutMs)),
      );
      const entries: Array<[string, boolean]> = [
        ["running", running],
        ...names.map((name, i): [string, boolean] => [name, results[i] === true]),
      ];
      return {
        ok: entries.every(([, ok]) => ok),
        checks: Object.fromEntries(entries.map(([name, ok]) => [name, ok ? "ok" : "not ok"])),
      };
    },
  };
}
