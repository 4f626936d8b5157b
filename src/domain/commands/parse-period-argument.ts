import { type AssessmentPeriod, parseAssessmentPeriod } from "../assessment/assessment-period.ts";
import type { Localized } from "../supervision/locale.ts";

/**
 * The period argument of `/duban assess [期间]` and `/duban export [期间]`: none (the current quarter, decided
 * later), or one period ("2026-Q4", "2026-11", "2026", "2026年第四季度").
 */
export function parsePeriodArgument(
  args: readonly string[],
  usage: string,
): { ok: true; period: AssessmentPeriod | null } | { ok: false; problem: Localized } {
  if (args.length === 0) return { ok: true, period: null };
  const period = parseAssessmentPeriod(args.join(""));
  if (period !== null) return { ok: true, period };
  const echo = args.join(" ").slice(0, 40);
  return {
    ok: false,
    problem: {
      zh: `“${echo}”不是考核期间：请写 2026-11（月）、2026-Q4（季度）或 2026（年）。用法：${usage}`,
      en: `"${echo}" is not a period: write 2026-11 (month), 2026-Q4 (quarter) or 2026 (year). Usage: ${usage}`,
    },
  };
}
