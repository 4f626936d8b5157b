import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";

/**
 * Every responsibility-clause form real plans use (clauses taken from tests/fixtures/plans-real), each
 * read inside a one-measure plan: the lead list, and the warnings the importer gives for that measure.
 */
function importClause(measure: string) {
  const parsed = parsePlanText(`关于测试工作的实施方案\n一、重点任务\n${measure}\n`, "test.txt");
  const first = parsed.measures[0];
  if (first === undefined) throw new Error("no measure");
  return {
    leads: first.leadDepartments,
    cooperating: first.cooperatingDepartments.map((unit) => `${unit.name}/${unit.role}`),
    needsAssignment: first.needsAssignment,
    note: first.note,
    leadRule: parsed.plan.leadRule,
    warnings: parsed.warnings.filter((warning) => warning.includes(first.label)),
  };
}

const withClause = (clause: string) => importClause(`（一）推进消费扶贫。加强组织实施。${clause}`);

describe("responsibility clauses: the lead list and the warning (or none)", () => {
  it("（A、B、C等和各省级人民政府负责）: the 等 tail dropped, the collective kept last, names without 局/委/办", () => {
    expect(
      withClause(
        "（全国工商联、发展改革委、扶贫办、全国总工会、共青团中央、全国妇联等和各省级人民政府负责）",
      ),
    ).toMatchObject({
      leads: ["全国工商联", "发展改革委", "扶贫办", "全国总工会", "共青团中央", "全国妇联", "各省级人民政府"],
      needsAssignment: false,
      warnings: [],
    });
  });

  it("（A、B等和各有关省级人民政府负责）", () => {
    expect(withClause("（商务部、发展改革委、供销合作总社等和各有关省级人民政府负责）")).toMatchObject({
      leads: ["商务部", "发展改革委", "供销合作总社", "各有关省级人民政府"],
      warnings: [],
    });
  });

  it("（A、B负责。列第一位者为牵头单位，下同）: the remark is a rule, not a department, and applies to the clauses after", () => {
    const parsed = parsePlanText(
      [
        "关于测试工作的若干意见",
        "一、支持企业稳定发展",
        "（一）加大稳岗支持力度。上述资金由失业保险基金列支。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）",
        "（二）发挥政府性融资担保机构作用。提高小微企业贷款可获得性。（财政部、工业和信息化部、人民银行、银保监会负责）",
      ].join("\n"),
      "test.txt",
    );
    expect(parsed.measures.map((measure) => measure.leadDepartments)).toEqual([
      ["人力资源社会保障部", "财政部"],
      ["财政部", "工业和信息化部", "人民银行", "银保监会"],
    ]);
    expect(parsed.plan.leadRule).toBe("列第一位者为牵头单位，下同");
    expect(parsed.warnings.filter((warning) => warning.includes("measure"))).toEqual([]);
  });

  it("（A，排在第一位的部门为牵头部门，下同）: the same rule in other words", () => {
    expect(withClause("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）")).toMatchObject({
      leads: ["税务总局", "财政部", "海关总署"],
      leadRule: "排在第一位的部门为牵头部门，下同",
      warnings: [],
    });
  });

  it("（A、B牵头负责）, （A等负责）, （A等有关部门和单位负责）, （A、B会同有关部门负责）: the tails dropped", () => {
    expect(withClause("（农业农村部、工业和信息化部牵头负责）")).toMatchObject({
      leads: ["农业农村部", "工业和信息化部"],
      warnings: [],
    });
    expect(withClause("（农业农村部、工业和信息化部等负责）")).toMatchObject({
      leads: ["农业农村部", "工业和信息化部"],
      warnings: [],
    });
    expect(withClause("（人力资源社会保障部等有关部门和单位负责）")).toMatchObject({
      leads: ["人力资源社会保障部"],
      warnings: [],
    });
    expect(withClause("（国家发展改革委、财政部会同有关部门负责）")).toMatchObject({
      leads: ["国家发展改革委", "财政部"],
      warnings: [],
    });
  });

  it('（A、B，各省级人民政府按职责分工负责）: split on "，" too', () => {
    expect(
      withClause("（人力资源社会保障部、财政部、税务总局，各省级人民政府按职责分工负责）"),
    ).toMatchObject({
      leads: ["人力资源社会保障部", "财政部", "税务总局", "各省级人民政府"],
      warnings: [],
    });
    expect(withClause("（各有关部门和单位，各省级人民政府按职责分工负责）")).toMatchObject({
      leads: ["各省级人民政府"],
      needsAssignment: false,
      warnings: [],
    });
  });

  it("（各有关部门和单位按职责分工负责）, （各地区各部门负责）: generic only, no lead, the wording kept as a note, a warning", () => {
    expect(withClause("（各有关部门和单位按职责分工负责）")).toEqual({
      leads: [],
      cooperating: [],
      needsAssignment: true,
      note: "各有关部门和单位按职责分工负责",
      leadRule: null,
      warnings: [
        'measure （一） 推进消费扶贫: its clause names no unit ("各有关部门和单位按职责分工负责"): assign its leads by hand',
      ],
    });
    expect(withClause("（各地区各部门负责）")).toMatchObject({
      leads: [],
      needsAssignment: true,
      note: "各地区各部门负责",
      warnings: [
        'measure （一） 推进消费扶贫: its clause names no unit ("各地区各部门负责"): assign its leads by hand',
      ],
    });
  });

  it("（牵头单位：A，配合单位：B、C，各区、县级市）: A leads, the others co-operate, 各区、县级市 whole", () => {
    expect(
      withClause("（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）"),
    ).toMatchObject({
      leads: ["市发展改革委"],
      cooperating: ["市委组织部/配合单位", "市人力资源和社会保障局/配合单位", "各区、县级市/配合单位"],
      warnings: [],
    });
    expect(withClause("（牵头单位：团市委，配合单位：市人力资源和社会保障局）")).toMatchObject({
      leads: ["团市委"],
      warnings: [],
    });
  });

  it('"牵头单位：A；责任单位：B" on its own line after the measure', () => {
    expect(
      importClause(
        "（一）加快水源工程建设。到2025年底完成。\n牵头单位：市水利局；责任单位：市财政局、发展改革委",
      ),
    ).toMatchObject({
      leads: ["市水利局"],
      cooperating: ["市财政局/责任单位", "市发展改革委/责任单位"],
      warnings: [],
    });
  });

  it("a 完成时限 in a labelled clause is kept and read as the deadline", () => {
    const parsed = parsePlanText(
      "关于测试工作的实施方案\n一、重点任务\n（一）建设平台。完成建设。（牵头单位：市大数据局；完成时限：2022年6月底前）\n",
      "test.txt",
    );
    expect(parsed.measures[0]).toMatchObject({
      leadDepartments: ["市大数据局"],
      timeLimit: "2022年6月底前",
      deadline: "2022-06-30",
    });
  });

  it("collective local governments stay where written, take no level prefix: 各县（市、区）人民政府", () => {
    expect(withClause("（市农业农村局、财政局，各县（市、区）人民政府按职责分工负责）")).toMatchObject({
      leads: ["市农业农村局", "市财政局", "各县（市、区）人民政府"],
      warnings: [],
    });
    expect(withClause("（各县（市、区）人民政府负责）")).toMatchObject({
      leads: ["各县（市、区）人民政府"],
      needsAssignment: false,
      warnings: [],
    });
  });

  it("names need no 局/委/办 ending: 团市委, 人行南阳中心支行, 中华全国供销合作总社", () => {
    expect(
      withClause("（市民政局、团市委、人行南阳中心支行、中华全国供销合作总社等部门按职责分工牵头负责）"),
    ).toMatchObject({
      leads: ["市民政局", "团市委", "人行南阳中心支行", "中华全国供销合作总社"],
      warnings: [],
    });
  });

  it("the half-width variants read the same", () => {
    expect(withClause("(人力资源社会保障部、财政部负责。列第一位者为牵头单位,下同)")).toMatchObject({
      leads: ["人力资源社会保障部", "财政部"],
      warnings: [],
    });
    expect(withClause("(牵头单位:市发展改革委,配合单位:市委组织部,各区、县级市)")).toMatchObject({
      leads: ["市发展改革委"],
      cooperating: ["市委组织部/配合单位", "各区、县级市/配合单位"],
      warnings: [],
    });
    expect(withClause("(人力资源社会保障部,各省级人民政府按职责分工负责)")).toMatchObject({
      leads: ["人力资源社会保障部", "各省级人民政府"],
      warnings: [],
    });
  });

  it("clauses inside one measure each assign part of it: their units, in the order written", () => {
    expect(
      importClause(
        "（一）鼓励创新创业。营造良好的准入环境。（市场监管总局负责）加强创新创业教育服务。（体育总局、教育部负责）提升综合服务水平。（体育总局、网信办负责）",
      ),
    ).toMatchObject({ leads: ["市场监管总局", "体育总局", "教育部", "网信办"], warnings: [] });
  });

  it("never silently wrong: a clause it cannot read, no clause, and a name that looks like a fragment are each named", () => {
    expect(withClause("（此项工作另行部署）")).toMatchObject({
      leads: [],
      needsAssignment: true,
      warnings: [
        'measure （一） 推进消费扶贫: could not read its clause "（此项工作另行部署）": assign its leads by hand',
      ],
    });
    expect(withClause("")).toMatchObject({
      leads: [],
      needsAssignment: true,
      warnings: [
        'measure （一） 推进消费扶贫 has no lead clause (it ends "推进消费扶贫。加强组织实施。"): assign its leads by hand',
      ],
    });
    expect(withClause("（由市财政局负责）")).toMatchObject({
      leads: ["由市财政局"],
      warnings: [
        'measure （一） 推进消费扶贫: "由市财政局" does not look like a department name (it starts like a sentence ("由")): check its clause',
      ],
    });
  });
});

describe("numbering: items under group headings", () => {
  it("reads 1. / 1． / （1） / (1) items under （一） group headings as the measures, numbered as printed", () => {
    for (const labels of [
      ["1.", "2．", "3."],
      ["（1）", "(2)", "（3）"],
    ]) {
      const [a, b, c] = labels as [string, string, string];
      const parsed = parsePlanText(
        [
          "关于测试工作的实施方案",
          "一、总体目标",
          `${a}目标。到2025年完成。`,
          "二、重点任务",
          "（一）产业提升行动。围绕主导产业，实施如下重点项目：",
          `${b}紧缺人才开发项目。引进人才。（牵头单位：市发展改革委，配合单位：各区、县级市）`,
          `${c}企业家培养项目。培养企业家。（牵头单位：市委组织部）`,
        ].join("\n"),
        "test.txt",
      );
      expect(
        parsed.measures.map((measure) => [
          measure.label,
          measure.group,
          measure.title,
          measure.leadDepartments,
        ]),
      ).toEqual([
        [a, null, "目标", []],
        [b.replace("(", "（").replace(")", "）"), "（一）产业提升行动", "紧缺人才开发项目", ["市发展改革委"]],
        [c, "（一）产业提升行动", "企业家培养项目", ["市委组织部"]],
      ]);
      expect(parsed.plan.numbering).toBe("continuous");
      expect(
        parsed.warnings.some((warning) => warning.startsWith(`measure ${a} 目标 has no lead clause`)),
      ).toBe(true);
    }
  });

  it("keeps 1. 2. as sub-items of a measure whose own text ends with the clause", () => {
    const parsed = parsePlanText(
      [
        "关于测试工作的实施方案",
        "一、重点任务",
        "（一）完善服务。具体措施如下：",
        "1．建设站点。",
        "2．培训人员。（市人力资源社会保障局负责）",
      ].join("\n"),
      "test.txt",
    );
    expect(parsed.measures).toHaveLength(1);
    expect(parsed.measures[0]?.text).toBe(
      "完善服务。具体措施如下：\n1．建设站点。\n2．培训人员。（市人力资源社会保障局负责）",
    );
    expect(parsed.measures[0]?.leadDepartments).toEqual(["市人力资源社会保障局"]);
  });

  it("restarting items per group heading are numbered 1..N through the plan, labels as printed", () => {
    const parsed = parsePlanText(
      [
        "关于测试工作的实施方案",
        "一、重点任务",
        "（一）第一组。",
        "1.甲项。做甲。（市财政局负责）",
        "2.乙项。做乙。（市财政局负责）",
        "（二）第二组。",
        "1.丙项。做丙。（市民政局负责）",
        "2.丁项。做丁。（市民政局负责）",
      ].join("\n"),
      "test.txt",
    );
    expect(parsed.measures.map((measure) => `${measure.number}${measure.label}${measure.group}`)).toEqual([
      "11.（一）第一组",
      "22.（一）第一组",
      "31.（二）第二组",
      "42.（二）第二组",
    ]);
    expect(parsed.plan.numbering).toBe("per-section");
  });
});
