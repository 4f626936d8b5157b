import { Resvg } from "@resvg/resvg-js";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { chartFontFiles } from "../../../src/adapters/charts/chart-font-files.ts";
import { CHART_FONT_FAMILY } from "../../../src/adapters/charts/digest-chart-svg.ts";
import {
  renderDigestChart,
  renderDigestChartAsync,
} from "../../../src/adapters/charts/render-digest-chart.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { buildDigestChartData } from "../../../src/domain/charts/build-digest-chart-data.ts";
import { at, scorecardHistory } from "../assessment/scorecard-fixture.ts";

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

const chartData = () => {
  const { tasks, reports } = scorecardHistory();
  const schedule = { cycle: "monthly" as const, dueDay: 25 };
  return buildDigestChartData({
    planTitle: "示范方案",
    tasks,
    reports,
    schedule,
    calendar,
    timeZone: "Asia/Shanghai",
    now: at("2026-11-30 10:00"),
  });
};

/** Draws each text on its own 40 px row with the bundled font (one render) and returns each row's RGBA bytes and ink. */
function drawRows(texts: readonly string[]): Array<{ ink: number; pixels: Buffer }> {
  const rows = texts
    .map((text, index) => `<text x="4" y="${index * 40 + 30}" font-size="28">${text}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="${texts.length * 40}" font-family="${CHART_FONT_FAMILY}">${rows}</svg>`;
  const font = {
    fontFiles: chartFontFiles().slice(0, 1),
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
  };
  const image = new Resvg(svg, { font, background: "#fff" }).render();
  const rowBytes = 120 * 4 * 40;
  return texts.map((_, index) => {
    const pixels = Buffer.from(image.pixels.subarray(index * rowBytes, (index + 1) * rowBytes));
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] as number) < 128) ink += 1;
    return { ink, pixels };
  });
}

describe("the digest chart", () => {
  it("counts tasks by status per section and replays 8 weeks of reports and overdue tasks", () => {
    const data = chartData();
    expect(data.sections).toEqual([
      {
        label: "二、产业就业",
        counts: { DONE: 2, AWAITING_APPROVAL: 0, IN_PROGRESS: 4, NOT_STARTED: 0, BLOCKED: 0 },
      },
    ]);
    expect(data.weeks.map((week) => week.label)).toEqual([
      "10-12",
      "10-19",
      "10-26",
      "11-02",
      "11-09",
      "11-16",
      "11-23",
      "11-30",
    ]);
    // Reported: week of 10-19: t1 10-20, t5 10-21, t4 10-22; 10-26: t6, t2; 11-16: t4; 11-23: t1, t5, t2, t6 (t5's
    // second report was withdrawn).
    expect(data.weeks.map((week) => week.reported)).toEqual([0, 3, 2, 0, 0, 1, 4, 0]);
    // Overdue at each week's end (past the cycle's due day, not done): Sunday 10-25, after October's 10-23: t2, t3, t6;
    // a new cycle starts on 11-01 (due 11-25); Sunday 11-29 and today: t3 only (t1 and t6 approved, the rest reported).
    expect(data.weeks.map((week) => week.overdue)).toEqual([0, 3, 0, 0, 0, 0, 1, 1]);
  });

  it("counts a task in a week's trend only once Duban tracked it (from the plan's load)", () => {
    const { tasks, reports } = scorecardHistory();
    // t3, overdue at the ends of 10-19's and 11-23's weeks, was only loaded on 11-27 (a Friday)
    const loadedLate = tasks.map((task) =>
      task.id === "t3"
        ? { ...task, trackedSince: at("2026-11-27 10:00") }
        : { ...task, trackedSince: at("2026-09-01 09:00") },
    );
    const data = buildDigestChartData({
      planTitle: "示范方案",
      tasks: loadedLate,
      reports,
      schedule: { cycle: "monthly", dueDay: 25 },
      calendar,
      timeZone: "Asia/Shanghai",
      now: at("2026-11-30 10:00"),
    });
    expect(data.weeks.map((week) => week.overdue)).toEqual([0, 2, 0, 0, 0, 0, 1, 1]);
    expect(data.weeks.map((week) => week.reported)).toEqual([0, 3, 2, 0, 0, 1, 4, 0]);
  });

  it("renders a PNG without a browser", () => {
    const png = renderDigestChart(chartData());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(15_000);
    const width = png.readUInt32BE(16);
    expect(width).toBe(1000);
  }, 60_000);

  it("draws the same pixels off the event loop (the web board's chart)", async () => {
    const data = chartData();
    expect(Buffer.compare(await renderDigestChartAsync(data), renderDigestChart(data))).toBe(0);
  }, 60_000);

  it("draws Chinese with the bundled font, not tofu boxes", () => {
    // Private-use characters have no glyph: they show the .notdef box (tofu). Real glyphs differ from it and
    // from each other.
    const [chinese, tofu, other] = drawRows(["督办考核", "\uE000\uE001\uE002\uE003", "督查考核"]);
    expect(chinese?.ink).toBeGreaterThan(200);
    expect(chinese?.pixels.equals(tofu?.pixels as Buffer)).toBe(false);
    expect(chinese?.pixels.equals(other?.pixels as Buffer)).toBe(false);
  });
});
