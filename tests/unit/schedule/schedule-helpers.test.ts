import { describe, expect, it } from "vitest";
import { parseDubanCommand } from "../../../src/domain/commands/parse-duban-command.ts";
import type { AbsenceRecord } from "../../../src/domain/ports/schedule-store.ts";
import { cycleLabel, cycleOfKey } from "../../../src/domain/schedule/reporting-cycles.ts";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import type { Person } from "../../../src/domain/supervision/supervision-types.ts";
import type { DeliveryReport } from "../../../src/services/schedule/deliver-outbox.ts";
import { drainOutbox } from "../../../src/services/schedule/drain-outbox.ts";
import { retryDelay } from "../../../src/services/schedule/retry-delay.ts";
import { createStandIns } from "../../../src/services/schedule/stand-ins.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const directory = { measures: [], departments: [] };
const person = (id: string): Person => ({
  id,
  platform: "slack",
  externalId: id,
  displayName: id,
  email: null,
  locale: null,
  role: "CONTACT",
  departmentIds: [],
});
const absence = (away: string, deputy: string): AbsenceRecord => ({
  id: away,
  person: person(away),
  deputy: person(deputy),
  fromOn: "2026-10-08",
  toOn: "2026-10-16",
});

describe("schedule commands", () => {
  it("reads snooze, absence and digest in English and Chinese", () => {
    expect(parseDubanCommand("snooze", directory)).toEqual({ kind: "snooze", user: null });
    expect(parseDubanCommand("推迟 @id:U1", directory, { U1: "张三" })).toEqual({
      kind: "snooze",
      user: { externalId: "U1", name: "张三" },
    });
    expect(parseDubanCommand("请假 2026-10-08 10月16日 @id:U2 @王五", directory)).toEqual({
      kind: "absence",
      from: { year: 2026, month: 10, day: 8 },
      to: { year: null, month: 10, day: 16 },
      deputy: { externalId: "U2", name: null },
      absentee: { externalId: null, name: "王五" },
    });
    expect(parseDubanCommand("/duban 周报", directory)).toEqual({ kind: "digest" });
  });

  it("answers a command it cannot read with help saying why", () => {
    const bad = parseDubanCommand("absence 10-08 soon @id:U2", directory);
    expect(bad.kind === "help" && bad.problem?.zh).toBe(
      "“soon”不是日期：请写 2026-10-08、10-08 或 10月8日。",
    );
    const missing = parseDubanCommand("absence 10-08 10-16", directory);
    expect(missing.kind === "help" && missing.problem?.en).toMatch(/^Usage: \/duban absence/);
  });
});

describe("stand-ins", () => {
  it("sends an absent person's reminders to the deputy, and on to the deputy's deputy", () => {
    const standIns = createStandIns([absence("A", "B"), absence("B", "C")]);
    expect(standIns.recipientFor(person("A")).id).toBe("C");
    expect(standIns.recipientFor(person("B")).id).toBe("C");
    expect(standIns.onBehalfOf("C").sort()).toEqual(["A", "B"]);
    expect(standIns.recipientFor(person("D")).id).toBe("D");
  });

  it("stops at a loop of deputies", () => {
    const standIns = createStandIns([absence("A", "B"), absence("B", "A")]);
    expect(standIns.recipientFor(person("A")).id).toBe("B");
  });
});

describe("cycles by key", () => {
  const calendar = officialCalendar();
  it("finds ISO week cycles across a year end, and labels them", () => {
    const weekly = ScheduleSchema.parse({ cycle: "weekly", dueDay: 5 });
    expect(cycleOfKey("2026-W53", weekly, calendar).opensOn).toBe("2026-12-28");
    expect(cycleOfKey("2026-W01", weekly, calendar).opensOn).toBe("2025-12-29");
    expect([cycleLabel("2026-W41", "zh"), cycleLabel("2026-10", "en")]).toEqual([
      "2026年第41周",
      "October 2026",
    ]);
    expect(() => cycleOfKey("2026-10", weekly, calendar)).toThrow("not a weekly reporting cycle");
  });
});

describe("delivery pacing", () => {
  it("backs off exponentially up to the maximum", () => {
    expect([1, 2, 3, 8, 12].map((attempts) => retryDelay(attempts, 30_000, 3_600_000))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
  });

  it("drains the outbox pass after pass, sleeping until Retry-After after a 429", async () => {
    let now = 0;
    const slept: number[] = [];
    const reports: Array<Partial<DeliveryReport>> = [
      { sent: 10, rateLimitedUntil: new Date(2_000) },
      { sent: 5, rateLimitedUntil: null, nextAttemptAt: new Date(0) },
      { sent: 3, rateLimitedUntil: null, nextAttemptAt: new Date(60_000) },
    ];
    const base: DeliveryReport = {
      sent: 0,
      failed: 0,
      closed: 0,
      rateLimitedUntil: null,
      nextAttemptAt: null,
      reconciled: { found: 0, resent: 0, unsettled: 0 },
      deliveries: [],
    };
    const total = await drainOutbox(async () => ({ ...base, ...reports.shift() }), {
      now: () => new Date(now),
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    expect([total.sent, total.passes, total.rateLimited, slept]).toEqual([18, 3, 1, [2_000]]);
  });
});
