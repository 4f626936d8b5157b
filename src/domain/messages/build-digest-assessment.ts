import type { ListedUnit, Scorecard } from "../assessment/scorecard-types.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { DigestAssessment } from "./schedule-message-types.ts";

function unitLine(unit: ListedUnit, locale: Locale): string {
  const score = unit.score.toFixed(1);
  return pick(locale, { zh: `${unit.name} ${score} 分`, en: `${unit.name} ${score}` });
}

/** The praise and lagging lists (表扬 / 通报) of a scorecard, as the digest of the period's end shows them. */
export function buildDigestAssessment(scorecard: Scorecard, locale: Locale): DigestAssessment {
  const { period } = scorecard;
  return {
    title: pick(locale, {
      zh: `${period.labelZh}督查考核`,
      en: `Assessment (督查考核) ${period.key}`,
    }),
    periodKey: period.key,
    praise: scorecard.praise.map((unit) => unitLine(unit, locale)),
    lagging: scorecard.lagging.map((unit) => unitLine(unit, locale)),
    note: pick(locale, {
      zh: `统计 ${scorecard.assessedFrom} 至 ${scorecard.assessedUntil}；评分办法和每项得分的依据：/duban assess ${period.key}`,
      en: `Counted ${scorecard.assessedFrom} to ${scorecard.assessedUntil}; the formula and the records behind each score: /duban assess ${period.key}`,
    }),
  };
}
