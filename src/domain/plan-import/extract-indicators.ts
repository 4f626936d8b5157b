import type { Indicator } from "./plan-types.ts";

const UNITS = [
  "平方米",
  "公顷",
  "公里",
  "千米",
  "小时",
  "个月",
  "万元",
  "亿元",
  "万人",
  "人次",
  "m²",
  "㎡",
  "m2",
  "%",
  "％",
  "元",
  "人",
  "户",
  "个",
  "家",
  "所",
  "处",
  "名",
  "年",
  "月",
  "天",
  "度",
  "米",
  "亩",
  "吨",
  "次",
  "项",
  "倍",
  "岁",
  "套",
  "间",
  "台",
  "辆",
  "条",
  "座",
  "批",
  "场",
  "期",
  "类",
  "张",
];
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const UNIT = UNITS.map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
/** [每X] number [- number] unit [/X] [以上|以下|以内|内|左右]; a year-month(-day) date is read as its year. */
const PROVISION = new RegExp(
  String.raw`(?:每\s*(?<per>[\u4e00-\u9fa5])\s*)?(?<value>${NUMBER})(?:\s*[-~～—–至到]\s*(?<max>${NUMBER}))?\s*(?<unit>${UNIT})(?:\s*\/\s*(?<per2>[\u4e00-\u9fa5]))?(?:(?<=年)\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?<qualifier>以上|以下|以内|内|左右)?`,
  "g",
);
const CLAUSE_BREAK = /[，,。；;：:！？!?\n]/;

function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to] as string)) to++;
  return text.slice(from, to).trim();
}

/**
 * Numeric provisions of a measure: "800 人以上" -> {800, 人, 以上}, "每人 1000 元" -> {1000, 元/人},
 * "15-25 度" -> {15, maxValue 25, 度}, "1 m²/户" -> {1, m²/户}, each with the clause it stands in.
 * Numbers without a unit are left out.
 */
export function extractIndicators(text: string): Indicator[] {
  const normalized = toHalfWidthDigits(text);
  const indicators: Indicator[] = [];
  for (const match of normalized.matchAll(PROVISION)) {
    const groups = match.groups ?? {};
    if (/\d$/.test(normalized.slice(0, match.index))) continue;
    const per = groups.per ?? groups.per2;
    const unit = `${groups.unit === "㎡" || groups.unit === "m2" ? "m²" : groups.unit}${per === undefined ? "" : `/${per}`}`;
    indicators.push({
      value: Number(groups.value),
      ...(groups.max === undefined ? {} : { maxValue: Number(groups.max) }),
      unit: unit.replace("％", "%"),
      ...(groups.qualifier === undefined ? {} : { qualifier: groups.qualifier }),
      clause: clauseAround(text, match.index, match.index + match[0].length),
    });
  }
  return indicators;
}
