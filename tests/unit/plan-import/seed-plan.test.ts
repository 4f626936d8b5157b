import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";

const SEED = "workflows/sources/nanyang-relocation-2021.txt";
const parsed = parsePlanText(readFileSync(SEED, "utf8"), SEED);
const byLabel = (label: string) => {
  const measure = parsed.measures.find((candidate) => candidate.label === label);
  if (measure === undefined) throw new Error(`no measure ${label}`);
  return measure;
};

/** Read off the document by hand: the lead clause of each measure, prefixes inherited, "等" dropped. */
const LEADS: Record<string, string[]> = {
  "（一）": ["市农业农村局", "市发展改革委", "市乡村振兴局", "市文化广电和旅游局", "市林业局"],
  "（二）": ["市发展改革委", "市乡村振兴局", "市商务局", "市农业农村局"],
  "（三）": ["市乡村振兴局", "市农业农村局", "市财政局", "市人力资源社会保障局"],
  "（四）": ["市人力资源社会保障局", "市发展改革委", "市乡村振兴局"],
  "（五）": [
    "市人力资源社会保障局",
    "市发展改革委",
    "市乡村振兴局",
    "市财政局",
    "人行南阳中心支行",
    "南阳银保监局",
  ],
  "（六）": ["市人力资源社会保障局", "市乡村振兴局", "市财政局", "人行南阳中心支行", "南阳银保监局"],
  "（七）": ["市人力资源社会保障局", "市财政局"],
  "（八）": [
    "市发展改革委",
    "市应急管理局",
    "市住房城乡建设局",
    "市交通运输局",
    "市农业农村局",
    "市乡村振兴局",
    "市教育局",
    "市卫生健康委",
    "市民政局",
  ],
  "（九）": ["市发展改革委", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市乡村振兴局"],
  "（十）": ["市教育局", "市卫生健康委", "市民政局"],
  "（十一）": ["市农业农村局", "市林业局", "市人力资源社会保障局", "市自然资源和规划局", "市住房城乡建设局"],
  "（十二）": ["市乡村振兴局", "市应急管理局", "市民政局"],
  "（十三）": ["市民政局", "市乡村振兴局"],
  "（十四）": ["市民政局", "市公安局", "市住房城乡建设局", "市总工会", "团市委", "市妇联"],
  "（十五）": ["市农业农村局", "市乡村振兴局", "市住房城乡建设局", "市生态环境局", "市卫生健康委"],
  "（十六）": ["市民政局", "市发展改革委", "市乡村振兴局", "人行南阳中心支行", "南阳银保监局"],
  "（十七）": ["市文化广电和旅游局", "市民政局", "市教育局"],
};

describe("the Nanyang seed plan", () => {
  it("has 21 measures numbered 1..21 with full-width labels", () => {
    expect(parsed.measures).toHaveLength(21);
    expect(parsed.measures.map((measure) => measure.number)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    expect(parsed.measures[16]?.label).toBe("（十七）");
    expect(parsed.plan.numbering).toBe("continuous");
  });

  it.each(Object.entries(LEADS))("reads the leads of %s", (label, leads) => {
    const measure = byLabel(label);
    expect(measure.leadDepartments).toEqual(leads);
    expect(measure.needsAssignment).toBe(false);
    expect(measure.cooperatingDepartments).toEqual([]);
  });

  it("marks (十八)-(二十) as needing assignment with nothing to suggest", () => {
    for (const label of ["（十八）", "（十九）", "（二十）"]) {
      expect(byLabel(label)).toMatchObject({
        leadDepartments: [],
        needsAssignment: true,
        suggestedDepartments: [],
      });
    }
  });

  it("suggests 市发展改革委 and 市乡村振兴局 for (二十一) from its own text", () => {
    expect(byLabel("（二十一）")).toMatchObject({
      leadDepartments: [],
      needsAssignment: true,
      suggestedDepartments: ["市发展改革委", "市乡村振兴局"],
    });
  });

  it("puts each measure in its section", () => {
    expect(byLabel("（一）").section).toBe("二、因地制宜推动安置点后续产业发展更可持续");
    expect(byLabel("（十二）").section).toBe("四、以人为本推动基本公共服务更加完善");
    expect(byLabel("（二十一）").section).toBe("六、保障措施");
  });

  it("ends every title before the first 。", () => {
    for (const measure of parsed.measures) {
      expect(measure.text.startsWith(`${measure.title}。`)).toBe(true);
      expect(measure.title).not.toContain("。");
    }
    expect(byLabel("（十七）").title).toBe("促进安置点开放融合");
  });

  it("repairs the page breaks inside sentences and keeps no artifact", () => {
    const text = parsed.measures.map((measure) => measure.text).join("\n");
    expect(byLabel("（一）").text).toContain("农村电商等，鼓励");
    expect(byLabel("（三）").text).toContain("利益联结机制，收益");
    expect(byLabel("（五）").text).toContain("可按每人 1000 元标准");
    expect(byLabel("（九）").text).toContain("结合新型城镇化战略实施");
    expect(byLabel("（十二）").text).toContain("保障其基本生活");
    expect(byLabel("（十四）").text).toContain("培育社区文化、开展“智慧社区”建设");
    expect(byLabel("（二十一）").text).toContain("开展综合评价");
    for (const measure of parsed.measures) {
      // a break may only follow the end of a sentence or of a bracket: never inside a sentence
      for (const line of measure.text.split("\n").slice(0, -1)) expect(line).toMatch(/[。）)]$/);
      expect(measure.text).not.toMatch(/\n\n|^\s|\s$/);
    }
    expect(text).not.toContain("2021年10月8日");
  });

  it("keeps the lead clause of (十四) on its own line as a real paragraph", () => {
    expect(byLabel("（十四）").text.split("\n")).toHaveLength(2);
    expect(byLabel("（十四）").text.split("\n")[1]).toMatch(/^（市民政局、公安局/);
  });

  it("reads the county note as a plan-level flag", () => {
    expect(parsed.plan.countiesImplement).toBe(true);
  });

  it("reads the metadata", () => {
    expect(parsed.plan).toMatchObject({
      issuer: "南阳市发展和改革委员会办公室",
      issuedOn: "2021-10-08",
      basisDocument: "豫发改振兴〔2021〕781 号",
      basisTitle: "关于切实做好易地扶贫搬迁后续扶持工作巩固拓展脱贫攻坚成果的实施意见",
      copies: ["有关县人民政府"],
    });
    expect(parsed.plan.recipients).toEqual([
      "有关县发展改革委",
      "有关县乡村振兴局",
      "有关县教育局",
      "有关县公安局",
      "有关县民政局",
      "有关县财政局",
      "有关县人力资源社会保障局",
      "有关县自然资源局",
      "有关县生态环境局",
      "有关县住房和城乡建设局",
      "有关县农业农村局",
      "有关县商务局",
      "有关县文化广电和旅游局",
      "有关县卫生健康委",
      "有关县应急管理局",
      "有关县林业局",
      "有关县总工会",
      "有关县团委",
      "有关县妇联",
      "银保监各县监管组",
      "人民银行各县、市、油田支行",
    ]);
  });

  it("falls back to a title built from the basis document, and says so", () => {
    expect(parsed.plan.title).toBe(
      "南阳市关于切实做好易地扶贫搬迁后续扶持工作巩固拓展脱贫攻坚成果的实施方案",
    );
    expect(
      parsed.warnings.some(
        (warning) => warning.startsWith("no title found") && warning.includes("兴有效衔接"),
      ),
    ).toBe(true);
    expect(parsed.warnings.some((warning) => warning.includes("printing line"))).toBe(true);
  });

  it("lists every repair and every measure without leads among the warnings", () => {
    const joins = parsed.warnings.filter((warning) => warning.includes("joined a break"));
    expect(joins).toHaveLength(7);
    expect(joins[0]).toContain("农村电商⏎等");
    const unassigned = parsed.warnings.filter((warning) => warning.includes("has no lead clause"));
    expect(unassigned).toHaveLength(4);
  });

  it("extracts the numeric provisions", () => {
    const provisions = (label: string) =>
      byLabel(label).indicators.map(({ value, maxValue, unit, qualifier }) => ({
        value,
        maxValue,
        unit,
        qualifier,
      }));
    expect(provisions("（四）")).toEqual([
      { value: 800, maxValue: undefined, unit: "人", qualifier: "以上" },
    ]);
    expect(provisions("（五）")).toEqual([
      { value: 1, maxValue: undefined, unit: "年", qualifier: "以上" },
      { value: 1000, maxValue: undefined, unit: "元/人", qualifier: undefined },
    ]);
    expect(provisions("（六）")).toEqual([
      { value: 3, maxValue: undefined, unit: "年", qualifier: "内" },
      { value: 50, maxValue: undefined, unit: "%", qualifier: undefined },
      { value: 1, maxValue: undefined, unit: "万元", qualifier: undefined },
    ]);
    expect(provisions("（十）")).toEqual([
      { value: 1, maxValue: undefined, unit: "m²/户", qualifier: undefined },
    ]);
    expect(provisions("（十一）")).toEqual([
      { value: 25, maxValue: undefined, unit: "度", qualifier: "以上" },
      { value: 15, maxValue: 25, unit: "度", qualifier: undefined },
    ]);
    expect(byLabel("（四）").indicators[0]?.clause).toBe("在 800 人以上安置点设立就业服务站");
    expect(byLabel("（五）").indicators[1]?.clause).toBe("可按每人 1000 元标准给予一次性奖补");
    const withIndicators = parsed.measures
      .filter((measure) => measure.indicators.length > 0)
      .map((measure) => measure.label);
    expect(withIndicators).toEqual(["（四）", "（五）", "（六）", "（十）", "（十一）"]);
  });
});
