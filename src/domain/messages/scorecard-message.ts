import { scoreFormula } from "../assessment/scorecard-formula.ts";
import type { ListedUnit, Scorecard, UnitScore } from "../assessment/scorecard-types.ts";
import { type Locale, type Localized, pick } from "../supervision/locale.ts";

export interface ScorecardRow {
  rank: number;
  name: string;
  score: number;
  /** "按时 5/6 · 完整 3/5 · 办结 1/3 · 逾期 4 工作日 · 受阻 2 工作日（未解决 1） · 催办 1". */
  figures: string;
  /** The same figures one per column of the message's `columns`: "5/6", "3/5", "1/3", "4", "2（未解决 1）", "1". */
  cells: string[];
  verdict: "praise" | "lagging" | null;
}

/** `/duban assess`: the scorecard (考核评分), its formula, and the praise and lagging lists (表扬 / 通报). */
export interface ScorecardMessage {
  kind: "scorecard";
  locale: Locale;
  summary: string;
  title: string;
  /** The days and reporting cycles counted. */
  scope: string;
  formula: string;
  /** The headings of every row's `cells`: "按时报送", "完整报告", "办结", "逾期工作日", "受阻工作日", "催办". */
  columns: string[];
  departments: ScorecardRow[];
  counties: ScorecardRow[];
  praise: string[];
  lagging: string[];
  /** How to see the records behind each figure. */
  footer: string;
}

function figures(unit: UnitScore, locale: Locale): string {
  const c = unit.components;
  const wd = pick(locale, { zh: " 工作日", en: " wd" });
  const parts =
    locale === "zh"
      ? [
          `按时 ${c.onTime.counted}/${c.onTime.of}`,
          `完整 ${c.completeness.counted}/${c.completeness.of}`,
          `办结 ${c.approved.counted}/${c.approved.of}`,
          `逾期 ${c.overdue.counted}${wd}`,
          `受阻 ${c.blockers.counted}${wd}${unit.openBlockers > 0 ? `（未解决 ${unit.openBlockers}）` : ""}`,
          `催办 ${c.urges.counted}`,
        ]
      : [
          `on time ${c.onTime.counted}/${c.onTime.of}`,
          `complete ${c.completeness.counted}/${c.completeness.of}`,
          `approved ${c.approved.counted}/${c.approved.of}`,
          `overdue ${c.overdue.counted}${wd}`,
          `blocked ${c.blockers.counted}${wd}${unit.openBlockers > 0 ? ` (${unit.openBlockers} open)` : ""}`,
          `urged ${c.urges.counted}`,
        ];
  return parts.join(" · ");
}

const COLUMNS: Localized[] = [
  { zh: "按时报送", en: "on time" },
  { zh: "完整报告", en: "complete" },
  { zh: "办结", en: "approved" },
  { zh: "逾期工作日", en: "overdue wd" },
  { zh: "受阻工作日", en: "blocked wd" },
  { zh: "催办", en: "urged" },
];

function cells(unit: UnitScore, locale: Locale): string[] {
  const c = unit.components;
  const open = pick(locale, { zh: `（未解决 ${unit.openBlockers}）`, en: ` (${unit.openBlockers} open)` });
  return [
    `${c.onTime.counted}/${c.onTime.of}`,
    `${c.completeness.counted}/${c.completeness.of}`,
    `${c.approved.counted}/${c.approved.of}`,
    String(c.overdue.counted),
    `${c.blockers.counted}${unit.openBlockers > 0 ? open : ""}`,
    String(c.urges.counted),
  ];
}

const listed = (units: readonly ListedUnit[]) =>
  units.map((unit) => `${unit.name}（${unit.score.toFixed(1)}）`);

/** The scorecard as a chat message: every unit's rank, score and figures, then 表扬 and 通报. */
export function buildScorecardMessage(locale: Locale, scorecard: Scorecard): ScorecardMessage {
  const key = (unit: { kind: string; id: string }) => `${unit.kind}:${unit.id}`;
  const praised = new Set(scorecard.praise.map(key));
  const lagging = new Set(scorecard.lagging.map(key));
  const row = (unit: UnitScore): ScorecardRow => ({
    rank: unit.rank,
    name: unit.name,
    score: unit.score,
    figures: figures(unit, locale),
    cells: cells(unit, locale),
    verdict: praised.has(key(unit)) ? "praise" : lagging.has(key(unit)) ? "lagging" : null,
  });
  const period = locale === "zh" ? scorecard.period.labelZh : scorecard.period.key;
  const title = pick(locale, { zh: `督查考核评分：${period}`, en: `Assessment scorecard: ${period}` });
  const cycles =
    scorecard.cycles.map((cycle) => cycle.key).join(locale === "zh" ? "、" : ", ") ||
    pick(locale, { zh: "无", en: "none" });
  const top = [scorecard.departments[0], scorecard.counties[0]].filter((unit) => unit !== undefined);
  return {
    kind: "scorecard",
    locale,
    summary: `${title}${top.length > 0 ? ` — ${top.map((unit) => `${unit.name} ${unit.score.toFixed(1)}`).join(", ")}` : ""}`,
    title,
    scope: pick(locale, {
      zh: `统计 ${scorecard.assessedFrom} 至 ${scorecard.assessedUntil}，报送周期：${cycles}`,
      en: `Days ${scorecard.assessedFrom} to ${scorecard.assessedUntil}, reporting cycles: ${cycles}`,
    }),
    formula: scoreFormula(scorecard.rules.weights, locale),
    columns: COLUMNS.map((column) => pick(locale, column)),
    departments: scorecard.departments.map(row),
    counties: scorecard.counties.map(row),
    praise: listed(scorecard.praise),
    lagging: listed(scorecard.lagging),
    footer: pick(locale, {
      zh: `每项得分所依据的记录：duban assess --period ${scorecard.period.key} --json；台账：/duban export ${scorecard.period.key}`,
      en: `The records behind every figure: duban assess --period ${scorecard.period.key} --json; the ledger: /duban export ${scorecard.period.key}`,
    }),
  };
}
