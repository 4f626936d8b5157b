import type { Locale } from "../../domain/supervision/locale.ts";
import {
  BOARD_PAGE_SIZE,
  type WebBoard,
  type WebBoardFilters,
  type WebTask,
} from "../../services/web/read-web-board.ts";
import type { WebDepartment, WebMeasure } from "../../services/web/read-web-pages.ts";
import { html, type SafeHtml } from "./html.ts";
import { t } from "./web-text.ts";

/** A message sent about a task (reminder, escalation, urge, approval request or result), or its approval or return. */
export interface WebTaskEvent {
  at: Date;
  departmentName: string;
  /** The Reminder row's kind ("first", "due", "overdue-1", "escalation", "urge", "approval-request" ...), or the audit action ("task.approve", "task.return"). */
  kind: string;
  detail: string | null;
}

export const STYLE_PATH = "/web/assets/style.css";
export const ICON_PATH = "/web/assets/favicon.svg";

export function formatTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

/**
 * The whole page around `body`. `signedIn` adds the navigation and the sign-out form; `links`, more navigation
 * (the scorecard for those who may see it); `printHeading`, a heading only paper shows.
 */
export function layout(
  locale: Locale,
  title: string,
  body: SafeHtml,
  options: { signedIn: boolean; csrf?: string; links?: SafeHtml; printHeading?: SafeHtml },
): string {
  const nav = options.signedIn
    ? html`<nav class="top"><a href="/web">${t(locale, "board")}</a> <a href="/web/digests">${t(locale, "digests")}</a>${options.links ?? ""}
<form method="post" action="/web/sign-out"><input type="hidden" name="csrf" value="${options.csrf ?? ""}"><button type="submit">${t(locale, "signOut")}</button></form></nav>`
    : "";
  return `<!doctype html>\n${html`<html lang="${locale === "zh" ? "zh-CN" : "en"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${STYLE_PATH}"><link rel="icon" href="${ICON_PATH}" type="image/svg+xml"></head>
<body>${nav}<main>${options.printHeading ?? ""}${body}</main></body></html>`}`;
}

function lightDot(locale: Locale, light: WebTask["light"], text: string): SafeHtml {
  return html`<span class="light ${light}"><span class="dot" aria-hidden="true"></span>${t(locale, light)} · ${text}</span>`;
}

function counts(locale: Locale, c: { green: number; yellow: number; red: number }): SafeHtml {
  return html`<span class="counts"><span class="c red" title="${t(locale, "red")}">${t(locale, "red")} ${c.red}</span>
<span class="c yellow" title="${t(locale, "yellow")}">${t(locale, "yellow")} ${c.yellow}</span>
<span class="c green" title="${t(locale, "green")}">${t(locale, "green")} ${c.green}</span></span>`;
}

function option(value: string, label: string, selected: string | null): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? "") ? html` selected` : ""}>${label}</option>`;
}

function taskTable(locale: Locale, tasks: readonly WebTask[], withMeasure: boolean): SafeHtml {
  if (tasks.length === 0) return html`<p>${t(locale, "noTasks")}</p>`;
  return html`<table class="tasks"><thead><tr>${withMeasure ? html`<th scope="col">${t(locale, "measure")}</th>` : ""}
<th scope="col">${t(locale, "department")}</th><th scope="col">${t(locale, "light")}</th><th scope="col">${t(locale, "status")}</th>
<th scope="col">${t(locale, "due")}</th><th scope="col">${t(locale, "lastReport")}</th></tr></thead><tbody>
${tasks.map(
  (task) => html`<tr>${
    withMeasure
      ? html`<td><a href="/web/measures/${task.measure.number}">${task.measure.label}${task.measure.title}</a></td>`
      : ""
  }<td><a href="/web/departments/${encodeURIComponent(task.departmentId)}">${task.departmentName}</a></td>
<td>${lightDot(locale, task.light, task.lightText)}</td><td>${task.statusText}</td><td>${task.dueOn ?? "—"}</td>
<td>${task.lastReport ?? t(locale, "none")}</td></tr>\n`,
)}</tbody></table>`;
}

/** The board: filters (a GET form, no script), totals, sections → measures with counts, the visible tasks. */
export function boardPage(locale: Locale, board: WebBoard, filters: WebBoardFilters): SafeHtml {
  return html`<h1>${board.title}</h1>
<form class="filters" method="get" action="/web"><fieldset><legend>${t(locale, "filters")}</legend>
<label>${t(locale, "department")} <select name="department">${option("", t(locale, "all"), filters.department)}${board.departments.map((d) => option(d.id, d.name, filters.department))}</select></label>
<label>${t(locale, "county")} <select name="county">${option("", t(locale, "all"), filters.county)}${option("city", t(locale, "city"), filters.county)}${board.counties.map((c) => option(c.id, c.name, filters.county))}</select></label>
<label>${t(locale, "light")} <select name="light">${option("", t(locale, "all"), filters.light)}${(["red", "yellow", "green"] as const).map((l) => option(l, t(locale, l), filters.light))}</select></label>
<label>${t(locale, "only")} <select name="only">${option("", t(locale, "all"), filters.only)}${option("overdue", t(locale, "overdue"), filters.only)}${option("blocked", t(locale, "blocked"), filters.only)}</select></label>
<button type="submit">${t(locale, "apply")}</button></fieldset></form>
<p class="totals">${t(locale, "total")}: ${counts(locale, board.totals)}</p>
${board.sections.map(
  (section) => html`<section><h2>${section.label}${section.title}</h2><ul class="measures">
${section.measures.map(
  (m) =>
    html`<li><a href="/web/measures/${m.number}">${m.label}${m.title}</a> ${counts(locale, m.counts)}</li>\n`,
)}</ul></section>`,
)}
<section><h2>${t(locale, "tasks")}</h2>${board.seesAll ? "" : html`<p class="note">${t(locale, "onlyOwn")}</p>`}
${taskTable(locale, board.tasks, true)}
${pager(locale, board.taskCount, board.page, boardHref(filters))}</section>`;
}

/** The board's page `n`: the link keeps the filters. */
const boardHref = (filters: WebBoardFilters) => (n: number) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== null) query.set(key, value);
  query.set("page", String(n));
  return `/web?${query.toString()}`;
};

/**
 * The address of task page `n` of a measure or department page: `path` with the request's other parameters
 * (the record's page, the period) kept and `tasks=n`.
 */
export const taskPageHref = (path: string, query: URLSearchParams) => (n: number) => {
  const next = new URLSearchParams(query);
  next.set("tasks", String(n));
  return `${path}?${next.toString()}`;
};

/** "Tasks 101–200 of 1190 · ‹ previous · next ›", `href` giving page n's address. */
function pager(locale: Locale, total: number, pageNumber: number, href: (n: number) => string): SafeHtml {
  const pages = Math.ceil(total / BOARD_PAGE_SIZE);
  if (pages <= 1) return html``;
  const first = (pageNumber - 1) * BOARD_PAGE_SIZE + 1;
  const last = Math.min(total, pageNumber * BOARD_PAGE_SIZE);
  return html`<nav class="pager" aria-label="${t(locale, "pages")}">${first}–${last} / ${total}
${pageNumber > 1 ? html` · <a href="${href(pageNumber - 1)}" rel="prev">‹ ${t(locale, "previous")}</a>` : ""}
${pageNumber < pages ? html` · <a href="${href(pageNumber + 1)}" rel="next">${t(locale, "next")} ›</a>` : ""}</nav>`;
}

/** A measure: its leads, the visible tasks, and their record (pages/measure-record.ts). */
export function measurePage(
  locale: Locale,
  page: WebMeasure,
  record: SafeHtml,
  taskHref: (n: number) => string,
): SafeHtml {
  const { measure } = page;
  return html`<h1>${measure.label}${measure.title}</h1>
${measure.section === null ? "" : html`<p class="section">${measure.section.label}${measure.section.title}</p>`}
<h2>${t(locale, "leads")}</h2><p class="units">${unitList(page.leads.filter((lead) => lead.isPrimary))}</p>
${
  page.leads.some((lead) => !lead.isPrimary)
    ? html`<h2>${t(locale, "cooperating")}</h2><p class="units">${unitList(page.leads.filter((lead) => !lead.isPrimary))}</p>`
    : ""
}
<h2>${t(locale, "tasks")}</h2>${taskTable(locale, page.tasks, false)}
${pager(locale, page.taskCount, page.taskPage, taskHref)}
${record}`;
}

/** Units as one line, "、" between them, each a link to its department page. */
function unitList(units: ReadonlyArray<{ id: string; name: string }>): SafeHtml {
  return html`${units.map(
    (unit, i) =>
      html`${i === 0 ? "" : "、"}<a href="/web/departments/${encodeURIComponent(unit.id)}">${unit.name}</a>`,
  )}`;
}

/** A department: its contacts, tasks and (`record`) its reporting record per cycle and score. */
export function departmentPage(
  locale: Locale,
  page: WebDepartment,
  taskHref: (n: number) => string,
  record?: SafeHtml,
): SafeHtml {
  return html`<h1>${page.department.name}</h1>
<h2>${t(locale, "contacts")}</h2>${
    page.contacts.length === 0
      ? html`<p>${t(locale, "none")}</p>`
      : html`<ul>${page.contacts.map((c) => html`<li>${c.name}</li>`)}</ul>`
  }
<h2>${t(locale, "tasks")}</h2>${taskTable(locale, page.tasks, true)}
${pager(locale, page.taskCount, page.taskPage, taskHref)}${record ?? ""}`;
}

/** A page with one message (refusals, sign-out). */
export function messagePage(text: string): SafeHtml {
  return html`<p class="message">${text}</p>`;
}

/** The sign-in page a link opens: one button that POSTs the token (a link preview fetching the URL signs no one in). */
export function signInPage(locale: Locale, token: string): SafeHtml {
  return html`<h1>${t(locale, "signInTitle")}</h1><p>${t(locale, "signInHelp")}</p>
<form method="post" action="/web/sign-in"><input type="hidden" name="token" value="${token}"><button type="submit">${t(locale, "signInButton")}</button></form>`;
}
