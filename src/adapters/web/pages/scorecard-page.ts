import {
  type AssessmentPeriod,
  parseAssessmentPeriod,
  periodContaining,
} from "../../../domain/assessment/assessment-period.ts";
import { SCORE_DEFINITIONS, scoreFormula } from "../../../domain/assessment/scorecard-formula.ts";
import type { Scorecard } from "../../../domain/assessment/scorecard-types.ts";
import { buildScorecardMessage, type ScorecardRow } from "../../../domain/messages/scorecard-message.ts";
import { type Locale, type Localized, pick } from "../../../domain/supervision/locale.ts";
import { addDays } from "../../../domain/time/plan-date.ts";
import type { CycleOutcome, DepartmentRecord } from "../../../services/web/read-web-assessment.ts";
import { html, type SafeHtml } from "../html.ts";

export const SCORECARD_PATH = "/web/scorecard";
export const LEDGER_PATH = "/web/ledger.xlsx";

const TEXT = {
  scorecard: { zh: "考核评分", en: "Scorecard" },
  period: { zh: "考核期间", en: "Period" },
  show: { zh: "查看", en: "Show" },
  ledger: { zh: "下载台账（Excel）", en: "Download the ledger (Excel)" },
  method: { zh: "评分办法", en: "How the score is computed" },
  weights: { zh: "权重", en: "Weights" },
  departments: { zh: "部门", en: "Departments" },
  counties: { zh: "县（市、区）", en: "Counties" },
  rank: { zh: "排名", en: "Rank" },
  unit: { zh: "单位", en: "Unit" },
  score: { zh: "得分", en: "Score" },
  result: { zh: "结果", en: "Result" },
  praise: { zh: "表扬", en: "Praised" },
  lagging: { zh: "通报", en: "Lagging" },
  none: { zh: "无", en: "None" },
  record: { zh: "报送记录", en: "Reporting record" },
  cityOnly: {
    zh: "按本部门的市级任务逐个报送周期统计（县区任务计入各县区得分），与考核评分的口径相同。",
    en: "The department's city-level tasks, cycle by cycle (county tasks count for their counties), as the scorecard counts them.",
  },
  noCycle: { zh: "本期间还没有到期的报送周期。", en: "No reporting cycle fell due in this period yet." },
  task: { zh: "任务", en: "Task" },
  due: { zh: "截止", en: "due" },
  printed: { zh: "打印日期", en: "Printed" },
} satisfies Record<string, Localized>;

const say = (locale: Locale, key: keyof typeof TEXT) => pick(locale, TEXT[key]);

const periodLabel = (locale: Locale, period: AssessmentPeriod) =>
  locale === "zh" ? period.labelZh : period.key;

/** The periods offered: this and the 3 quarters before, this and the 2 months before, this year and the last. */
function periodChoices(today: string, selected: AssessmentPeriod): AssessmentPeriod[] {
  const quarters = [periodContaining(today, "quarter")];
  for (let i = 0; i < 3; i += 1)
    quarters.push(periodContaining(addDays(quarters[i]?.from ?? today, -1), "quarter"));
  const months = [periodContaining(today, "month")];
  for (let i = 0; i < 2; i += 1)
    months.push(periodContaining(addDays(months[i]?.from ?? today, -1), "month"));
  const year = periodContaining(today, "year");
  const years = [year, periodContaining(addDays(year.from, -1), "year")];
  const all = [...quarters, ...months, ...years];
  return all.some((p) => p.key === selected.key) ? all : [selected, ...all];
}

/** A GET form choosing the period (no script); the same `period` values as `/duban assess`. */
export function periodForm(
  locale: Locale,
  action: string,
  today: string,
  selected: AssessmentPeriod,
): SafeHtml {
  return html`<form class="filters period" method="get" action="${action}"><fieldset><legend>${say(locale, "period")}</legend>
<label>${say(locale, "period")} <select name="period">${periodChoices(today, selected).map(
    (p) =>
      html`<option value="${p.key}"${p.key === selected.key ? html` selected` : ""}>${periodLabel(locale, p)}</option>`,
  )}</select></label>
<button type="submit">${say(locale, "show")}</button></fieldset></form>`;
}

/** `?period=2026-Q4`: a period, null for none (the current quarter), "bad" when unreadable. */
export function readPeriodParameter(query: URLSearchParams): AssessmentPeriod | null | "bad" {
  const text = query.get("period")?.trim() ?? "";
  if (text === "") return null;
  return parseAssessmentPeriod(text.slice(0, 20)) ?? "bad";
}

/** The heading only paper shows: the plan and the day printed (the injected clock's, in the plan's zone). */
export function printHeading(locale: Locale, planTitle: string, today: string): SafeHtml {
  return html`<header class="print-heading"><p>${planTitle}</p><p>${say(locale, "printed")}：${today}</p></header>`;
}

function verdictCell(locale: Locale, verdict: ScorecardRow["verdict"]): SafeHtml {
  if (verdict === null) return html`<td></td>`;
  return html`<td><span class="verdict ${verdict}">${verdict === "praise" ? "★ " : "⚠ "}${say(locale, verdict)}</span></td>`;
}

function unitTable(
  locale: Locale,
  caption: string,
  columns: readonly string[],
  rows: readonly ScorecardRow[],
  hrefOf: (index: number) => string | null,
): SafeHtml {
  return html`<table class="scores"><caption>${caption}</caption><thead><tr><th scope="col">${say(locale, "rank")}</th><th scope="col">${say(locale, "unit")}</th>
<th scope="col">${say(locale, "score")}</th>${columns.map((c) => html`<th scope="col">${c}</th>`)}<th scope="col">${say(locale, "result")}</th></tr></thead><tbody>
${rows.map((row, i) => {
  const href = hrefOf(i);
  return html`<tr class="${row.verdict ?? ""}"><td>${row.rank}</td><th scope="row">${href === null ? row.name : html`<a href="${href}">${row.name}</a>`}</th>
<td class="score">${row.score.toFixed(1)}</td>${row.cells.map((cell) => html`<td>${cell}</td>`)}${verdictCell(locale, row.verdict)}</tr>\n`;
})}</tbody></table>`;
}

/** The weights written out, one line each (the formula above says how they combine). */
function weightLines(locale: Locale, scorecard: Scorecard): string[] {
  const { weights, praise, lagging } = scorecard.rules;
  return locale === "zh"
    ? [
        `按时报送率 ${weights.onTime}、报送完整率 ${weights.completeness}、办结率 ${weights.approved}（按权重折算为百分制）`,
        `每任务每个逾期工作日扣 ${weights.overdue} 分，每个受阻工作日扣 ${weights.blockers} 分，每次被催办扣 ${weights.urges} 分`,
        `表扬：前 ${praise.top} 名且不低于 ${praise.minScore} 分；通报：后 ${lagging.bottom} 名且低于 ${lagging.belowScore} 分`,
      ]
    : [
        `on-time rate ${weights.onTime}, completeness ${weights.completeness}, approved rate ${weights.approved} (scaled to 100)`,
        `per task: ${weights.overdue} points off per overdue working day, ${weights.blockers} per blocked working day, ${weights.urges} per urge`,
        `praised: within the top ${praise.top} and at least ${praise.minScore}; lagging: within the bottom ${lagging.bottom} and below ${lagging.belowScore}`,
      ];
}

/** `/web/scorecard`: the chat's scorecard (buildScorecardMessage: same rows and figures), formula and weights. */
export function scorecardPage(locale: Locale, scorecard: Scorecard, today: string): SafeHtml {
  const message = buildScorecardMessage(locale, scorecard);
  const key = scorecard.period.key;
  return html`<h1>${message.title}</h1>
${periodForm(locale, SCORECARD_PATH, today, scorecard.period)}
<p class="actions"><a href="${LEDGER_PATH}?period=${encodeURIComponent(key)}" download>${say(locale, "ledger")}</a></p>
<p class="scope">${message.scope}</p>
<section class="method"><h2>${say(locale, "method")}</h2><p class="formula"><code>${scoreFormula(scorecard.rules.weights, locale)}</code></p>
<h3>${say(locale, "weights")}</h3><ul>${weightLines(locale, scorecard).map((line) => html`<li>${line}</li>`)}</ul>
<ul class="definitions">${SCORE_DEFINITIONS.map((line) => html`<li>${line}</li>`)}</ul></section>
<section class="unit-scores">${unitTable(
    locale,
    say(locale, "departments"),
    message.columns,
    message.departments,
    (i) => {
      const id = scorecard.departments[i]?.id;
      return id === undefined
        ? null
        : `/web/departments/${encodeURIComponent(id)}?period=${encodeURIComponent(key)}`;
    },
  )}</section>
<section class="unit-scores">${unitTable(locale, say(locale, "counties"), message.columns, message.counties, () => null)}</section>
<section class="verdicts"><p><strong>${say(locale, "praise")}</strong>：${message.praise.join("、") || say(locale, "none")}</p>
<p><strong>${say(locale, "lagging")}</strong>：${message.lagging.join("、") || say(locale, "none")}</p></section>`;
}

function outcomeCell(locale: Locale, outcome: CycleOutcome): SafeHtml {
  if (outcome === null) return html`<td class="cycle none">—</td>`;
  const day = outcome.reportedOn?.slice(5) ?? "";
  const text =
    outcome.outcome === "on-time"
      ? pick(locale, { zh: `按时 ${day}`, en: `on time ${day}` })
      : outcome.outcome === "late"
        ? pick(locale, { zh: `逾期 ${day} 补报`, en: `late, ${day}` })
        : pick(locale, { zh: "未报送", en: "missing" });
  const mark = outcome.outcome === "on-time" ? "✓" : outcome.outcome === "late" ? "△" : "✗";
  return html`<td class="cycle ${outcome.outcome}"><span aria-hidden="true">${mark} </span>${text}</td>`;
}

/** The department page's record: every cycle of the period for each city-level task, and the score. */
export function departmentRecordSection(
  locale: Locale,
  departmentId: string,
  record: DepartmentRecord,
): SafeHtml {
  const key = record.period.key;
  const score =
    record.score === null
      ? ""
      : html`<p class="unit-score">${say(locale, "score")}：<strong>${record.score.score.toFixed(1)}</strong> ${pick(
          locale,
          {
            zh: `（第 ${record.score.rank} 名，共 ${record.ranked} 个部门）`,
            en: `(rank ${record.score.rank} of ${record.ranked} departments)`,
          },
        )} · <a href="${SCORECARD_PATH}?period=${encodeURIComponent(key)}">${say(locale, "scorecard")}</a></p>`;
  const table =
    record.cycles.length === 0
      ? html`<p>${say(locale, "noCycle")}</p>`
      : html`<table class="cycles"><thead><tr><th scope="col">${say(locale, "task")}</th>${record.cycles.map(
          (c) =>
            html`<th scope="col">${c.key}<br><small>${say(locale, "due")} ${c.dueOn.slice(5)}</small></th>`,
        )}</tr></thead><tbody>${record.tasks.map(
          (task) =>
            html`<tr><th scope="row"><a href="/web/measures/${task.measureNumber}">${task.label}${task.title}</a></th>${task.outcomes.map((o) => outcomeCell(locale, o))}</tr>\n`,
        )}</tbody></table>`;
  return html`<section class="department-record"><h2>${say(locale, "record")} · ${periodLabel(locale, record.period)}</h2>
${periodForm(locale, `/web/departments/${encodeURIComponent(departmentId)}`, record.today, record.period)}
${score}<p class="note">${say(locale, "cityOnly")}</p>${table}</section>`;
}

/** The navigation link to the scorecard, for those who may see it. */
export function scorecardLink(locale: Locale): SafeHtml {
  return html`<a href="${SCORECARD_PATH}">${say(locale, "scorecard")}</a>`;
}
