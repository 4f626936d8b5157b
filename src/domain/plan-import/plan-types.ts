/** A line of the source document after page-break repair, with the source line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
}

/** A numeric provision of a measure ("800 人以上", "每人 1000 元"): supervisors ask about these. */
export interface Indicator {
  value: number;
  /** Upper end of a range ("15-25 度"). */
  maxValue?: number;
  /** "人", "元/人", "%", "m²/户" ... */
  unit: string;
  /** "以上", "以下", "内" ... when the text says so. */
  qualifier?: string;
  /** The clause the number stands in, to show it in context. */
  clause: string;
}

/** A unit that works on a measure without leading it ("配合单位：市财政局"). */
export interface CooperatingDepartment {
  name: string;
  /** The label the document gives it: 责任单位, 配合单位 ... */
  role: string;
}

export interface ParsedMeasure {
  /** Position in the plan, 1..N, even when the printed numbering restarts in each section. */
  number: number;
  /** The printed label, brackets full-width: "（十七）", or "2." / "（1）" for items. */
  label: string;
  /** The heading of the section the measure stands in ("二、因地制宜…"), null before any section. */
  section: string | null;
  /** The group heading an item stands under ("（一）科技人才行动计划"), null for other measures. */
  group: string | null;
  title: string;
  text: string;
  /** First listed = primary lead. */
  leadDepartments: string[];
  cooperatingDepartments: CooperatingDepartment[];
  /** True when the document names no lead: someone must assign it. */
  needsAssignment: boolean;
  /** Departments the body names when there is no lead clause ("市发展改革委同市乡村振兴局…"). */
  suggestedDepartments: string[];
  indicators: Indicator[];
  /** The clause's generic wording when it names no unit ("各有关部门和单位按职责分工负责"). */
  note: string | null;
  /** 完成时限 as written ("2022年6月底前", "长期坚持", "每季度"), from a task-division table or clause. */
  timeLimit: string | null;
  /** The 完成时限 as a date ("2022年6月底前" -> "2022-06-30") when it is one. */
  deadline: string | null;
}

export interface PlanMetadata {
  title: string;
  /** The document's own number (文号), e.g. "国发〔2018〕39号". */
  documentNumber: string | null;
  issuer: string | null;
  /** "YYYY-MM-DD". */
  issuedOn: string | null;
  /** The document this plan implements, e.g. "豫发改振兴〔2021〕781 号". */
  basisDocument: string | null;
  /** Its title, from the 《…》 before the number. */
  basisTitle: string | null;
  /** "以下均需市县对应部门具体实施": county counterparts of each lead implement every measure. */
  countiesImplement: boolean;
  numbering: "continuous" | "per-section";
  /** The rule the document states for its lead lists ("列第一位者为牵头单位，下同"). */
  leadRule: string | null;
  /** 主送 and 抄送, as department names. */
  recipients: string[];
  copies: string[];
}

export interface ParsedPlan {
  plan: PlanMetadata;
  measures: ParsedMeasure[];
  /** Every guess or repair a human should check. */
  warnings: string[];
}
