import { afterEach, describe, expect, it, vi } from "vitest";
import { startCronSchedule, TICK_EXPRESSION } from "../../../src/adapters/scheduler/start-cron-schedule.ts";
import type { DeliveryReport } from "../../../src/services/schedule/deliver-outbox.ts";

const idle: DeliveryReport = {
  sent: 0,
  failed: 0,
  closed: 0,
  rateLimitedUntil: null,
  nextAttemptAt: null,
  reconciled: { found: 0, resent: 0, unsettled: 0 },
  deliveries: [],
};
const logger = { info: () => {}, error: () => {} };

describe("the cron wiring", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("catches up at start, then wakes the runner on every minute (node-cron, Asia/Shanghai)", async () => {
    vi.useFakeTimers({ now: new Date("2026-10-08T01:29:30.000Z") });
    const calls: string[] = [];
    const passes: string[] = [];
    const runner = {
      queueDue: async (now: Date) => {
        calls.push(now.toISOString());
        return [];
      },
      deliverOutbox: async (now: Date) => {
        passes.push(now.toISOString());
        return idle;
      },
    };
    const schedule = startCronSchedule({
      runner,
      timeZone: "Asia/Shanghai",
      clock: { now: () => new Date() }, // vitest's fake clock (useFakeTimers above), not the machine's
      logger,
    });
    await schedule.caughtUp;
    expect(calls).toEqual(["2026-10-08T01:29:30.000Z"]);
    expect(schedule.nextTickAt()?.toISOString()).toBe("2026-10-08T01:30:00.000Z");
    await vi.advanceTimersByTimeAsync(95_000);
    expect(calls.slice(1).map((at) => at.slice(0, 16))).toEqual(["2026-10-08T01:30", "2026-10-08T01:31"]);
    // one delivery pass per tick when nothing more is deliverable at once
    expect(passes.map((at) => at.slice(0, 16))).toEqual(calls.map((at) => at.slice(0, 16)));
    await schedule.stop();
    expect(TICK_EXPRESSION).toBe("* * * * *");
  });

  it("keeps ticking after a tick fails, and logs the failure once", async () => {
    const errors: unknown[] = [];
    const runner = {
      queueDue: async () => {
        throw new Error("database unreachable");
      },
      deliverOutbox: async () => idle,
    };
    const schedule = startCronSchedule({
      runner,
      timeZone: "Asia/Shanghai",
      clock: { now: () => new Date("2026-10-08T01:29:30.000Z") },
      logger: { info: () => {}, error: (fields) => errors.push(fields) },
    });
    await schedule.caughtUp;
    expect(errors).toHaveLength(1);
    await schedule.stop();
  });

  it("stopping: the tick under way is told to stop (no new firing or message), then the claims held are given up", async () => {
    let tickStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      tickStarted = resolve;
    });
    let finishTick: () => void = () => {};
    const signals: Array<AbortSignal | undefined> = [];
    const events: string[] = [];
    const runner = {
      queueDue: async (_now: Date, signal?: AbortSignal) => {
        signals.push(signal);
        tickStarted();
        await new Promise<void>((resolve) => {
          finishTick = resolve;
        });
        events.push(`tick ended, aborted: ${signal?.aborted}`);
        return [];
      },
      deliverOutbox: async () => idle,
      releaseClaims: async () => {
        events.push("claims released");
        return 1;
      },
    };
    const infos: string[] = [];
    const schedule = startCronSchedule({
      runner,
      timeZone: "Asia/Shanghai",
      clock: { now: () => new Date("2026-10-08T01:29:30.000Z") },
      logger: { info: (_fields, message) => infos.push(message), error: () => {} },
    });
    await started;
    expect(schedule.lastTickAt()?.toISOString()).toBe("2026-10-08T01:29:30.000Z");
    const stopping = schedule.stop();
    expect(signals[0]?.aborted).toBe(true);
    finishTick();
    await stopping;
    expect(events).toEqual(["tick ended, aborted: true", "claims released"]);
    expect(infos).toContain("schedule: gave up 1 unfinished firing claim(s)");
  });
});
