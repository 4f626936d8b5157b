import { z } from "zod";

const share = z.number().min(0, { error: "a weight is 0 or more" });
const deduction = z
  .number()
  .min(0, { error: "write the points deducted as a positive number (0 turns it off)" });

/**
 * The scorecard's weights (考核权重). Rates (0..1) earn points; the three burdens deduct points per task.
 * score = 100 × (onTime × 按时报送率 + completeness × 完整率 + approved × 办结率) ÷ (onTime + completeness + approved)
 *         − overdue × 逾期工作日/任务数 − blockers × 受阻工作日/任务数 − urges × 被催办次数/任务数, kept within 0..100.
 */
const WeightsSchema = z
  .object({
    onTime: share.default(0.35).describe("On-time report rate: cycles reported by the due day / cycles due."),
    completeness: share
      .default(0.2)
      .describe(
        "Complete reports (what was done, percent, next steps, blocker when 受阻, evidence) / reports.",
      ),
    approved: share.default(0.2).describe("Completions approved (办结) in the period / tasks."),
    overdue: deduction.default(1).describe("Points deducted per overdue working day, per task."),
    blockers: deduction
      .default(0.5)
      .describe("Points deducted per working day a blocker (受阻) stayed open, per task."),
    urges: deduction
      .default(2)
      .describe("Points deducted per urge (催办) or escalation (督办) received, per task."),
  })
  .strict()
  .refine((weights) => weights.onTime + weights.completeness + weights.approved > 0, {
    error: "at least one of onTime, completeness and approved must be above 0",
  });

/** Units praised (表扬): among the top `top`, those scoring at least `minScore`. */
const PraiseSchema = z
  .object({ top: z.number().int().min(0).default(3), minScore: z.number().min(0).max(100).default(70) })
  .strict();

/** Units listed as lagging (通报): among the bottom `bottom`, those scoring below `belowScore` (never a praised one). */
const LaggingSchema = z
  .object({ bottom: z.number().int().min(0).default(3), belowScore: z.number().min(0).max(100).default(60) })
  .strict();

/** The `assessment:` key of a workflow file (督查考核); every field has a default. */
export const AssessmentRulesSchema = z
  .object({
    weights: WeightsSchema.prefault({}),
    praise: PraiseSchema.prefault({}),
    lagging: LaggingSchema.prefault({}),
    includeInDigest: z
      .union([z.enum(["month", "quarter"]), z.literal(false)])
      .default(false)
      .describe(
        "Add the praise and lagging lists to the last weekly digest of each month or quarter; false: never.",
      ),
  })
  .strict();

export type AssessmentRules = z.infer<typeof AssessmentRulesSchema>;
export type AssessmentWeights = AssessmentRules["weights"];

/** The rules when a workflow file says nothing. */
export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = AssessmentRulesSchema.parse({});
