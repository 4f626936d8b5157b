import { describe, expect, it } from "vitest";
import { decideDueFirings } from "../../../src/domain/schedule/decide-due-firings.ts";
import { nextFirings } from "../../../src/domain/schedule/next-firings.ts";
import {
  cycleBeingReminded,
  cycleClosesOn,
  cycleOfKey,
} from "../../../src/domain/schedule/reporting-cycles.ts";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();
const timeZone = "Asia/Shanghai";
const monthly = ScheduleSchema.parse({ cycle: "monthly", dueDay: 10 });
const weekly = ScheduleSchema.parse({ cycle: "weekly", dueDay: 5, escalateAfterWorkingDaysOverdue: 8 });

/** The firings between two instants, as runDue sees them after downtime. */
function dueBetween(from: string, to: string) {
  return nextFirings(new Date(from), monthly, calendar, timeZone, 60).filter(
    (firing) => firing.instant <= new Date(to),
  );
}

describe("the escalation ladder around National Day 2026 (monthly, due on the 10th)", () => {
  it("escalates 5 working days after the due day, counting the 调休 Saturday and skipping nothing else", () => {
    const october = cycleOfKey("2026-10", monthly, calendar);
    expect(october.dueOn).toBe("2026-10-10"); // Saturday, a make-up working day
    const firings = dueBetween("2026-10-09T16:00:00Z", "2026-10-16T16:00:00Z").filter(
      (f) => f.kind !== "digest",
    );
    expect(firings.map((firing) => `${firing.on} ${firing.kind}`)).toEqual([
      "2026-10-10 due",
      "2026-10-12 overdue-1",
      "2026-10-14 overdue-3",
      "2026-10-16 escalation",
    ]);
    expect(cycleClosesOn(october, monthly, calendar)).toBe("2026-10-31");
  });

  it("closes a weekly cycle after its escalation, even in the following weeks", () => {
    const week = cycleOfKey("2026-W39", weekly, calendar);
    expect([week.dueOn, week.endsOn]).toEqual(["2026-09-24", "2026-09-27"]); // Friday 09-25 is Mid-autumn
    // 8 working days: 09-28..30, (National Day), 10-08, 10-09, Sat 10-10 (调休), 10-12, 10-13
    expect(cycleClosesOn(week, weekly, calendar)).toBe("2026-10-13");
  });
});

describe("decideDueFirings (catch-up after downtime)", () => {
  it("runs the latest rung of an open cycle and the latest digest, late; skips the rest", () => {
    const now = new Date("2026-10-15T02:00:00Z");
    const decisions = decideDueFirings(dueBetween("2026-10-01T00:00:00Z", now.toISOString()), now, {
      schedule: monthly,
      calendar,
      timeZone,
    });
    expect(
      decisions.map(
        (d) => `${d.firing.slot} ${d.action}${d.late ? " late" : ""}${d.note ? ` (${d.note})` : ""}`,
      ),
    ).toEqual([
      "digest:2026-W41 skip late (superseded by digest:2026-W42)",
      "reminder:2026-10:due skip late (superseded by reminder:2026-10:overdue-3)",
      "digest:2026-W42 run late",
      "reminder:2026-10:overdue-1 skip late (superseded by reminder:2026-10:overdue-3)",
      "reminder:2026-10:overdue-3 run late",
    ]);
  });

  it("skips every reminder of a closed cycle", () => {
    const now = new Date("2026-11-02T03:00:00Z");
    const decisions = decideDueFirings(dueBetween("2026-10-15T00:00:00Z", now.toISOString()), now, {
      schedule: monthly,
      calendar,
      timeZone,
    });
    const escalation = decisions.find((d) => d.firing.slot === "reminder:2026-10:escalation");
    expect([escalation?.action, escalation?.note]).toEqual(["skip", "cycle 2026-10 closed after 2026-10-31"]);
    expect(decisions.filter((d) => d.action === "run").map((d) => d.firing.slot)).toEqual([
      "digest:2026-W45",
    ]);
  });

  it("is on time within ten minutes of the firing", () => {
    const [firing] = dueBetween("2026-10-12T01:00:00Z", "2026-10-12T01:00:00Z");
    if (firing === undefined) throw new Error("no firing");
    const decide = (ms: number) =>
      decideDueFirings([firing], new Date(firing.instant.getTime() + ms), {
        schedule: monthly,
        calendar,
        timeZone,
      })[0]?.late;
    expect([decide(0), decide(600_000), decide(600_001)]).toEqual([false, false, true]);
  });
});

describe("cycleBeingReminded (snooze without a cycle)", () => {
  it("is the previous cycle while its follow-ups run, then the current one", () => {
    const schedule = ScheduleSchema.parse({ cycle: "monthly", dueDay: 25 });
    expect(cycleBeingReminded("2026-10-30", schedule, calendar).key).toBe("2026-10");
    expect(cycleBeingReminded("2026-11-03", schedule, calendar).key).toBe("2026-11");
    const late = ScheduleSchema.parse({ cycle: "monthly", dueDay: 31 });
    expect(cycleBeingReminded("2026-11-04", late, calendar).key).toBe("2026-10"); // October's +3 follow-up runs into November
  });
});
