import { z } from "zod";
import { AssessmentRulesSchema } from "../assessment/assessment-rules-schema.ts";
import { ScheduleSchema } from "../schedule/schedule-schema.ts";
import { isPlanDate } from "../time/plan-date.ts";

/** Stable ASCII ids: they key departments and counties in the database, so never rename one after loading. */
const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "use lowercase ASCII letters, digits and dashes" });
const Text = z.string().trim().min(1, { error: "must not be empty" });
const PlanDate = z.string().refine(isPlanDate, { error: 'expected a date written "YYYY-MM-DD"' });
const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected an IANA time zone such as "Asia/Shanghai"' },
);

const PlanSchema = z
  .object({
    title: Text,
    issuer: Text.nullable(),
    issuedOn: PlanDate.nullable(),
    documentNumber: Text.optional().describe('The plan\'s own document number (文号): "国发〔2018〕39号".'),
    basisDocument: Text.nullable()
      .default(null)
      .describe('The document this plan implements: "豫发改振兴〔2021〕781 号".'),
    basisTitle: Text.nullable().default(null),
    source: Text.describe(
      'The source text, relative to the repository: "workflows/sources/nanyang-relocation-2021.txt".',
    ),
    countiesImplement: z
      .boolean()
      .describe("County counterparts of each lead implement every measure (以下均需市县对应部门具体实施)."),
    numbering: z
      .enum(["continuous", "per-section"])
      .default("continuous")
      .describe("How the document numbers its measures: through the plan, or restarting in each section."),
    recipients: z
      .array(Text)
      .default([])
      .describe('主送 (recipients) as written, after prefix inheritance ("有关县乡村振兴局").'),
    copies: z.array(Text).default([]).describe("抄送 (copies) as written."),
  })
  .strict();

const CountySchema = z.object({ id: Slug, name: Text }).strict();

const CountyCounterpartSchema = z
  .object({
    name: Text.describe(
      'The counterpart\'s name with "县" standing for the county: "县住房和城乡建设局", "人民银行县支行".',
    ),
    aliases: z.array(Text).default([]),
  })
  .strict();

const DepartmentSchema = z
  .object({
    id: Slug,
    name: Text,
    aliases: z
      .array(Text)
      .default([])
      .describe('Other names documents use for it ("市住房和城乡建设局", "市住建局").'),
    level: z.enum(["province", "city", "county"]),
    collective: z
      .literal(true)
      .optional()
      .describe(
        "A collective of local governments named in a clause (各省级人民政府, 各区、县级市, 各县（市、区）人民政府): loading gives each county in `counties` its own task (its government) where it leads.",
      ),
    countyCounterpart: CountyCounterpartSchema.optional().describe(
      "The unit that does this department's work in each county (when plan.countiesImplement).",
    ),
  })
  .strict();

const IndicatorSchema = z
  .object({
    value: z.number(),
    maxValue: z.number().optional(),
    unit: Text.describe('"人", "元/人", "%", "m²/户" ...'),
    qualifier: Text.optional(),
    clause: Text.describe("The clause the number stands in."),
  })
  .strict()
  .describe('A numeric provision: "800 人以上" -> value 800, unit 人, qualifier 以上.');

const MeasureSchema = z
  .object({
    number: z.number().int().min(1).describe("Position in the plan, 1..N."),
    label: Text.describe('As printed, full-width brackets: "（二十一）".'),
    section: Text.nullable(),
    group: Text.optional().describe(
      'The group heading the measure stands under when measures are items: "（一）科技人才行动计划".',
    ),
    title: Text,
    text: Text,
    leads: z
      .array(Text)
      .describe("Department names or aliases from `departments`; the first is the primary lead."),
    cooperating: z.array(z.object({ department: Text, role: Text }).strict()).default([]),
    needsAssignment: z
      .boolean()
      .describe("True while the measure has no lead: the document named none and nobody assigned one yet."),
    suggestedLeads: z
      .array(Text)
      .default([])
      .describe("Departments the text names when it has no lead clause; a human turns them into leads."),
    basis: Text.optional().describe(
      "Why the leads are what they are when a human assigned them (the document names none).",
    ),
    indicators: z.array(IndicatorSchema).default([]),
    note: Text.optional().describe(
      'The clause\'s wording when it names no unit: "各有关部门和单位按职责分工负责".',
    ),
    timeLimit: Text.optional().describe('完成时限 as written: "2022年6月底前", "长期坚持", "每季度".'),
    deadline: PlanDate.optional().describe(
      "The measure's task deadline (完成时限 read as a date: 2022年6月底前 -> 2022-06-30).",
    ),
  })
  .strict();

/** A workflow file (workflows/<id>.yaml): one plan, its department directory, counties and measures. */
export const WorkflowSchema = z
  .object({
    version: z.literal(1).describe("Format version of this file."),
    id: Slug.describe("The workflow id, its file name: nanyang-relocation-2021."),
    plan: PlanSchema,
    timezone: TimeZone.default("Asia/Shanghai").describe("The plan's time zone for dates and schedules."),
    counties: z
      .array(CountySchema)
      .default([])
      .describe("County-level units whose counterparts carry out the measures when plan.countiesImplement."),
    schedule: ScheduleSchema.optional().describe(
      "Reporting cycle, reminders, escalation and the weekly digest; left out, Duban's defaults apply.",
    ),
    assessment: AssessmentRulesSchema.optional().describe(
      "Scorecard weights, praise (表扬) and lagging (通报) rules; left out, Duban's defaults apply (docs/assessment.md).",
    ),
    departments: z
      .array(DepartmentSchema)
      .min(1, { error: "list at least one department" })
      .describe("The department directory: city departments and their county counterparts."),
    measures: z.array(MeasureSchema).min(1, { error: "list at least one measure" }),
  })
  .strict();

export type Workflow = z.infer<typeof WorkflowSchema>;
export type WorkflowDepartment = Workflow["departments"][number];
