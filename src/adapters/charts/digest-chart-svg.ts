import {
  CHART_STATUSES,
  type ChartStatus,
  type DigestChartData,
} from "../../domain/charts/digest-chart-data.ts";
import { fitText, niceAxis, svgText, textWidth } from "./svg-text.ts";

export const CHART_FONT_FAMILY = "Noto Sans Hans";
const WIDTH = 1000;
const MARGIN = 32;
const STATUS_STYLE: Record<ChartStatus, { name: string; color: string }> = {
  DONE: { name: "办结", color: "#2e7d32" },
  AWAITING_APPROVAL: { name: "已完成待审核", color: "#81c784" },
  IN_PROGRESS: { name: "推进中", color: "#42a5f5" },
  NOT_STARTED: { name: "未启动", color: "#bdbdbd" },
  BLOCKED: { name: "受阻", color: "#e53935" },
};
const TREND = {
  reported: { name: "已报送任务", color: "#1565c0" },
  overdue: { name: "逾期任务", color: "#e53935" },
};

function legend(y: number, items: ReadonlyArray<{ name: string; color: string }>): string[] {
  const parts: string[] = [];
  let x = MARGIN;
  for (const item of items) {
    parts.push(
      `<rect x="${x}" y="${y - 11}" width="14" height="14" rx="2" fill="${item.color}"/>`,
      svgText(x + 20, y, item.name, { size: 13 }),
    );
    x += 20 + textWidth(item.name, 13) + 24;
  }
  return parts;
}

/** Stacked horizontal bars: tasks by status in each section. Returns the SVG parts and the height used. */
function statusBars(data: DigestChartData, top: number): { parts: string[]; height: number } {
  const labelWidth = 230;
  const barLeft = MARGIN + labelWidth;
  const barWidth = WIDTH - barLeft - MARGIN - 50;
  const rowHeight = 30;
  const largest = Math.max(
    1,
    ...data.sections.map((s) => CHART_STATUSES.reduce((sum, status) => sum + s.counts[status], 0)),
  );
  const parts = [
    svgText(MARGIN, top + 18, "各部分任务状态", { size: 17, weight: 700 }),
    ...legend(
      top + 44,
      CHART_STATUSES.map((s) => STATUS_STYLE[s]),
    ),
  ];
  data.sections.forEach((section, index) => {
    const y = top + 64 + index * rowHeight;
    parts.push(svgText(MARGIN, y + 18, fitText(section.label, 14, labelWidth - 10), { size: 14 }));
    let x = barLeft;
    let total = 0;
    for (const status of CHART_STATUSES) {
      const count = section.counts[status];
      total += count;
      const width = (count / largest) * barWidth;
      if (width > 0)
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 10}" fill="${STATUS_STYLE[status].color}"/>`,
        );
      x += width;
    }
    parts.push(svgText(x + 6, y + 18, String(total), { size: 13, fill: "#555" }));
  });
  return { parts, height: 64 + data.sections.length * rowHeight + 16 };
}

/** Two lines over the weeks: tasks reported, tasks overdue. */
function trendLines(data: DigestChartData, top: number): { parts: string[]; height: number } {
  const plotTop = top + 64;
  const plotHeight = 220;
  const left = MARGIN + 50;
  const right = WIDTH - MARGIN - 20;
  const axis = niceAxis(Math.max(...data.weeks.flatMap((week) => [week.reported, week.overdue])));
  const largest = axis.max;
  const xOf = (index: number) =>
    left + (data.weeks.length <= 1 ? 0 : (index * (right - left)) / (data.weeks.length - 1));
  const yOf = (value: number) => plotTop + plotHeight - (value / largest) * plotHeight;
  const parts = [
    svgText(MARGIN, top + 18, `近 ${data.weeks.length} 周报送与逾期`, { size: 17, weight: 700 }),
    ...legend(top + 44, [TREND.reported, TREND.overdue]),
  ];
  for (let step = 0; step <= axis.steps; step += 1) {
    const value = (largest * step) / axis.steps;
    const y = yOf(value);
    parts.push(
      `<line x1="${left}" y1="${y.toFixed(1)}" x2="${right}" y2="${y.toFixed(1)}" stroke="#e0e0e0"/>`,
      svgText(left - 8, y + 5, String(Math.round(value)), { size: 12, anchor: "end", fill: "#666" }),
    );
  }
  data.weeks.forEach((week, index) => {
    parts.push(
      svgText(xOf(index), plotTop + plotHeight + 22, week.label, {
        size: 12,
        anchor: "middle",
        fill: "#444",
      }),
    );
  });
  for (const key of ["reported", "overdue"] as const) {
    const points = data.weeks
      .map((week, index) => `${xOf(index).toFixed(1)},${yOf(week[key]).toFixed(1)}`)
      .join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${TREND[key].color}" stroke-width="3"/>`);
    data.weeks.forEach((week, index) => {
      parts.push(
        `<circle cx="${xOf(index).toFixed(1)}" cy="${yOf(week[key]).toFixed(1)}" r="4" fill="${TREND[key].color}"/>`,
      );
      parts.push(
        svgText(xOf(index), yOf(week[key]) - 9, String(week[key]), {
          size: 12,
          anchor: "middle",
          fill: TREND[key].color,
        }),
      );
    });
  }
  parts.push(svgText(left, plotTop + plotHeight + 42, "（横轴为每周一日期）", { size: 12, fill: "#777" }));
  return { parts, height: 64 + plotHeight + 52 };
}

/** The digest chart as SVG: title, tasks by status per section (stacked bars), then the weekly trend. */
export function digestChartSvg(data: DigestChartData): string {
  const header = [
    svgText(MARGIN, 40, fitText(data.title, 22, WIDTH - 2 * MARGIN), { size: 22, weight: 700 }),
    svgText(MARGIN, 66, data.subtitle, { size: 14, fill: "#555" }),
  ];
  const bars = statusBars(data, 88);
  const trend = trendLines(data, 88 + bars.height + 12);
  const height = 88 + bars.height + 12 + trend.height + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...header,
    ...bars.parts,
    ...trend.parts,
    "</svg>",
  ].join("\n");
}
