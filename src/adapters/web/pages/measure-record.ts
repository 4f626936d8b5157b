import type { Locale } from "../../../domain/supervision/locale.ts";
import { readWebReports, type WebMeasure, type WebReport } from "../../../services/web/read-web-pages.ts";
import type { PrismaClient } from "../../db/generated/client.ts";
import { html, type SafeHtml } from "../html.ts";
import { countTaskEvents, readTaskEvents } from "../read-task-events.ts";
import { formatTime, type WebTaskEvent } from "../web-pages.ts";
import { t } from "../web-text.ts";

/** How many entries (reports and events together) one page of a measure's record shows. */
export const RECORD_PAGE_SIZE = 50;

export type RecordEntry = { at: Date } & (
  | { kind: "report"; report: WebReport }
  | { kind: "event"; event: WebTaskEvent }
);

/** One page of the record of a measure's visible tasks: reports and events, newest first. */
export interface MeasureRecord {
  entries: RecordEntry[];
  total: number;
  page: number;
}

/**
 * The record of the measure's tasks the viewer may see — every report (with its evidence; edited and withdrawn
 * ones marked) and every reminder, escalation, urge, approval request, approval and return — newest first,
 * `RECORD_PAGE_SIZE` a page (1-based, clamped). Page n reads the newest n pages of each source and merges them.
 */
export async function readMeasureRecord(
  prisma: PrismaClient,
  deps: Parameters<typeof readWebReports>[0],
  measure: WebMeasure,
  locale: Locale,
  requestedPage: number,
): Promise<MeasureRecord> {
  const taskIds = measure.recordTasks.map((task) => task.taskId);
  const [reportCount, eventCount] = await Promise.all([
    taskIds.length === 0 ? 0 : prisma.progressReport.count({ where: { taskId: { in: taskIds } } }),
    countTaskEvents(prisma, taskIds),
  ]);
  const total = reportCount + eventCount;
  const page = Math.min(Math.max(1, requestedPage), Math.max(1, Math.ceil(total / RECORD_PAGE_SIZE)));
  const wanted = page * RECORD_PAGE_SIZE;
  const [reports, events] = await Promise.all([
    readWebReports(deps, measure.recordTasks, locale, wanted),
    readTaskEvents(prisma, measure.recordTasks, wanted),
  ]);
  const entries: RecordEntry[] = [
    ...reports.map((report) => ({ kind: "report" as const, at: report.at, report })),
    ...events.map((event) => ({ kind: "event" as const, at: event.at, event })),
  ];
  entries.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { entries: entries.slice((page - 1) * RECORD_PAGE_SIZE, wanted), total, page };
}

const EVENT_NAMES: Record<string, { zh: string; en: string }> = {
  first: { zh: "报送提醒", en: "Reminder" },
  due: { zh: "截止日提醒", en: "Due-day reminder" },
  snoozed: { zh: "延后的提醒", en: "Snoozed reminder" },
  escalation: { zh: "督办", en: "Escalation (督办)" },
  urge: { zh: "催办", en: "Urge (催办)" },
  "approval-request": { zh: "提请审核办结", en: "Approval requested" },
  "approval-result": { zh: "审核结果通知", en: "Approval result sent" },
  "task.approve": { zh: "办结", en: "Approved (办结)" },
  "task.return": { zh: "退回", en: "Returned" },
};

function eventName(locale: Locale, kind: string): string {
  if (kind.startsWith("overdue")) return locale === "zh" ? "逾期催报" : "Overdue reminder";
  return EVENT_NAMES[kind]?.[locale] ?? kind;
}

/** Links people typed are shown as links only when http(s); anything else (javascript: ...) goes nowhere. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : "#");

function reportItem(locale: Locale, r: WebReport, timeZone: string): SafeHtml {
  return html`<li class="report${r.withdrawn ? " withdrawn" : ""}"><p><time datetime="${r.at.toISOString()}">${formatTime(r.at, timeZone)}</time>
· ${r.departmentName} · ${t(locale, "report")} · ${r.authorName} · <strong>${r.statusText}</strong>${r.edited ? html` <small>(${t(locale, "edited")})</small>` : ""}${r.withdrawn ? html` <small>(${t(locale, "withdrawn")})</small>` : ""}</p>
<p>${r.done}</p>${r.nextSteps === null ? "" : html`<p>→ ${r.nextSteps}</p>`}${r.blocker === null ? "" : html`<p class="blocker">⚠ ${r.blocker}</p>`}
${
  r.evidence.length === 0
    ? ""
    : html`<p class="evidence">${t(locale, "evidence")}: ${r.evidence.map((e) =>
        e.kind === "link"
          ? html`<a href="${safeHref(e.url)}" rel="noopener noreferrer">${e.url}</a> `
          : e.permalink === null
            ? html`<span>${e.name}</span> `
            : html`<a href="${safeHref(e.permalink)}" rel="noopener noreferrer">${e.name}</a> `,
      )}</p>`
}</li>`;
}

function eventItem(locale: Locale, e: WebTaskEvent, timeZone: string): SafeHtml {
  const sent = !e.kind.startsWith("task.");
  return html`<li class="event"><p><time datetime="${e.at.toISOString()}">${formatTime(e.at, timeZone)}</time> · ${e.departmentName} · <strong>${eventName(locale, e.kind)}</strong>${
    e.detail === null ? "" : sent ? html` → ${e.detail}` : html` · ${e.detail}`
  }</p></li>`;
}

/** The record as a list, newest first, with "1–50 / 123 · ‹ newer · older ›" links (`?page=`). */
export function measureRecordSection(locale: Locale, measure: WebMeasure, record: MeasureRecord): SafeHtml {
  const pages = Math.ceil(record.total / RECORD_PAGE_SIZE);
  const tasks = measure.taskPage > 1 ? `tasks=${measure.taskPage}&` : ""; // the task list's page stays
  const href = (n: number) => `/web/measures/${measure.measure.number}?${tasks}page=${n}`;
  const first = (record.page - 1) * RECORD_PAGE_SIZE + 1;
  const last = Math.min(record.total, record.page * RECORD_PAGE_SIZE);
  return html`<h2 id="record">${t(locale, "record")}</h2>
${
  record.entries.length === 0
    ? html`<p>${t(locale, "none")}</p>`
    : html`<ol class="record">${record.entries.map((entry) =>
        entry.kind === "report"
          ? reportItem(locale, entry.report, measure.timeZone)
          : eventItem(locale, entry.event, measure.timeZone),
      )}</ol>`
}
${
  pages <= 1
    ? ""
    : html`<nav class="pager" aria-label="${t(locale, "pages")}">${first}–${last} / ${record.total}
${record.page > 1 ? html` · <a href="${href(record.page - 1)}#record" rel="prev">‹ ${t(locale, "newer")}</a>` : ""}
${record.page < pages ? html` · <a href="${href(record.page + 1)}#record" rel="next">${t(locale, "older")} ›</a>` : ""}</nav>`
}`;
}
