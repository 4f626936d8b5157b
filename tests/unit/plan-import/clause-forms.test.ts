import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";

/**
 * Every responsibility-clause form real plans use (the forms of tests/fixtures/plans-real and of the real
 * plans kept outside the repo, see its SOURCES.md; clauses of the in-repo plans quoted, the others written
 * for the test), each read inside a one-measure plan: the lead list, and the warnings for that measure.
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
    expect(
      withClause("（工业和信息化部、商务部、市场监管总局负责，排在第一位的部门为牵头部门，下同）"),
    ).toMatchObject({
      leads: ["工业和信息化部", "商务部", "市场监管总局"],
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
    expect(withClause("（自然资源部、水利部会同有关部门负责）")).toMatchObject({
      leads: ["自然资源部", "水利部"],
      warnings: [],
    });
    expect(withClause("（住房城乡建设部会同有关部门负责）")).toMatchObject({
      leads: ["住房城乡建设部"],
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
    expect(withClause("（牵头单位：市科技局，配合单位：市教育局、市财政局，各区、县级市）")).toMatchObject({
      leads: ["市科技局"],
      cooperating: ["市教育局/配合单位", "市财政局/配合单位", "各区、县级市/配合单位"],
      warnings: [],
    });
    expect(withClause("（牵头单位：团市委，配合单位：市民政局）")).toMatchObject({
      leads: ["团市委"],
      cooperating: ["市民政局/配合单位"],
      warnings: [],
    });
    expect(withClause("（牵头单位：市科技局，配合单位：教育局、城关区，各有关区、县级市）")).toMatchObject({
      leads: ["市科技局"],
      cooperating: ["市教育局/配合单位", "城关区/配合单位", "各有关区、县级市/配合单位"],
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
    expect(withClause("(牵头单位:市科技局,配合单位:市教育局,各区、县级市)")).toMatchObject({
      leads: ["市科技局"],
      cooperating: ["市教育局/配合单位", "各区、县级市/配合单位"],
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
        "（一）改善出行条件。优化公交线路。（交通运输部负责）建设慢行步道。（住房城乡建设部、自然资源部负责）完善停车设施。（住房城乡建设部、公安部负责）",
      ),
    ).toMatchObject({ leads: ["交通运输部", "住房城乡建设部", "自然资源部", "公安部"], warnings: [] });
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
          "（一）数字经济行动。围绕数字产业，实施如下重点项目：",
          `${b}数据中心建设项目。建成数据中心。（牵头单位：市工业和信息化局，配合单位：各区、县级市）`,
          `${c}工业互联网平台项目。培育平台。（牵头单位：市科技局）`,
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
        [
          b.replace("(", "（").replace(")", "）"),
          "（一）数字经济行动",
          "数据中心建设项目",
          ["市工业和信息化局"],
        ],
        [c, "（一）数字经济行动", "工业互联网平台项目", ["市科技局"]],
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

describe("layouts of real plans, in texts written for the test", () => {
  it("numbers items through the plan: an item number run into the title's digits, items directly under a later section", () => {
    const parsed = parsePlanText(
      [
        "关于测试人才工程的实施意见",
        "为推进人才集聚，提出如下意见。",
        "一、总体目标",
        "1.目标。到2030年，集聚各类人才10万名。",
        "二、实施人才行动计划",
        "（一）科技人才行动计划。聚焦创新城市建设，实施如下重点项目：",
        "2.创新团队项目。引进创新团队。（牵头单位：市科技局，配合单位：市教育局、各区、县级市）",
        "3.12345热线人才项目。培训热线坐席人员。（牵头单位：市政务服务数据管理局，配合单位：各区、县级市）",
        "4.青年英才项目。资助青年英才。",
        "2.5万元的年度资助由市财政保障。（牵头单位：市人力资源社会保障局）",
        "三、强化组织实施",
        "5.完善考核评价。建立年度考核机制。（牵头单位：市人力资源社会保障局，配合单位：市财政局、城关区）",
      ].join("\n"),
      "test.txt",
    );
    expect(
      parsed.measures.map((measure) => [
        measure.label,
        measure.section,
        measure.group,
        measure.title,
        measure.leadDepartments,
        measure.cooperatingDepartments.map((unit) => unit.name),
      ]),
    ).toEqual([
      ["1.", "一、总体目标", null, "目标", [], []],
      [
        "2.",
        "二、实施人才行动计划",
        "（一）科技人才行动计划",
        "创新团队项目",
        ["市科技局"],
        ["市教育局", "各区、县级市"],
      ],
      [
        "3.",
        "二、实施人才行动计划",
        "（一）科技人才行动计划",
        "12345热线人才项目",
        ["市政务服务数据管理局"],
        ["各区、县级市"],
      ],
      ["4.", "二、实施人才行动计划", "（一）科技人才行动计划", "青年英才项目", ["市人力资源社会保障局"], []],
      ["5.", "三、强化组织实施", null, "完善考核评价", ["市人力资源社会保障局"], ["市财政局", "城关区"]],
    ]);
    expect(parsed.measures[3]?.text).toBe(
      "青年英才项目。资助青年英才。\n2.5万元的年度资助由市财政保障。（牵头单位：市人力资源社会保障局）",
    );
    expect(parsed.plan.numbering).toBe("continuous");
  });

  it("takes a heading of two phrases with a comma for a section, a sentence with a comma not", () => {
    const parsed = parsePlanText(
      [
        "关于测试产业发展的指导意见",
        "为促进产业发展，提出以下意见。",
        "一、总体要求",
        "（一）指导思想。坚持稳中求进。",
        "二、丰富产品供给，完善服务体系",
        "（二）发展优质产品。培育一批知名品牌。（市工业和信息化局负责）",
        "三、优化市场环境，加强要素保障",
        "（三）降低经营成本。落实减税降费政策。（市税务局、财政局负责）",
        "四、各地要结合实际，抓好落实。",
      ].join("\n"),
      "test.txt",
    );
    expect(
      parsed.measures.map((measure) => [measure.label, measure.section, measure.leadDepartments]),
    ).toEqual([
      ["（一）", "一、总体要求", []],
      ["（二）", "二、丰富产品供给，完善服务体系", ["市工业和信息化局"]],
      ["（三）", "三、优化市场环境，加强要素保障", ["市税务局", "市财政局"]],
    ]);
    expect(parsed.measures[0]?.text).toBe("指导思想。坚持稳中求进。");
    expect(parsed.warnings).toContain(
      'line 9: "四、各地要结合实际，抓好落实。" follows the clause that ends measure （三）: not part of any measure, not imported',
    );
  });

  it("reads principles without clauses, then items under group headings of two phrases, with the rule 排在第一位的部门为牵头部门", () => {
    const parsed = parsePlanText(
      [
        "临江市人民政府关于推动开发区",
        "创新发展的若干意见",
        "临政〔2030〕3号",
        "各区、县级市人民政府，市政府各部门：",
        "为推动开发区创新发展，现提出以下意见：",
        "一、指导思想",
        "坚持稳中求进，推动开发区创新发展。",
        "二、基本原则",
        "（一）坚持改革创新，优化服务。持续提升办事效率。",
        "（二）坚持开放引领，协同发展。统筹用好两种资源。",
        "三、发展目标",
        "到2035年，建成一批示范园区。",
        "四、主要任务",
        "（一）统筹内外市场，打造制造中心。",
        "1.扩大内销。推进内外贸一体化。（市商务局、市税务局、临江海关负责，排在第一位的部门为牵头部门，下同）",
        "2.便利通关。简化通关手续。（临江海关负责）",
        "（二）推动研发创新，打造设计中心。",
        "3.支持研发。对研发用品实行保税监管。（市科技局、临江海关等有关部门负责）",
        "五、有关要求",
        "各地区各有关部门要加强组织领导，确保各项措施落到实处。",
        "临江市人民政府",
        "2030年1月12日",
      ].join("\n"),
      "test.txt",
    );
    expect(parsed.plan).toMatchObject({
      title: "临江市人民政府关于推动开发区创新发展的若干意见",
      documentNumber: "临政〔2030〕3号",
      issuer: "临江市人民政府",
      issuedOn: "2030-01-12",
      leadRule: "排在第一位的部门为牵头部门，下同",
      numbering: "continuous",
    });
    expect(
      parsed.measures.map((measure) => [
        measure.number,
        measure.label,
        measure.section,
        measure.group,
        measure.title,
        measure.leadDepartments,
      ]),
    ).toEqual([
      [1, "（一）", "二、基本原则", null, "坚持改革创新，优化服务", []],
      [2, "（二）", "二、基本原则", null, "坚持开放引领，协同发展", []],
      [
        3,
        "1.",
        "四、主要任务",
        "（一）统筹内外市场，打造制造中心",
        "扩大内销",
        ["市商务局", "市税务局", "临江海关"],
      ],
      [4, "2.", "四、主要任务", "（一）统筹内外市场，打造制造中心", "便利通关", ["临江海关"]],
      [5, "3.", "四、主要任务", "（二）推动研发创新，打造设计中心", "支持研发", ["市科技局", "临江海关"]],
    ]);
    expect(parsed.warnings).toContain(
      'section "三、发展目标" has text but no numbered measure: not imported',
    );
    expect(parsed.warnings).toContain(
      'section "五、有关要求" has text but no numbered measure: not imported',
    );
    expect(parsed.warnings.filter((warning) => warning.includes("has no lead clause"))).toHaveLength(2);
  });

  it("reads 一、 … 三十、 paragraphs that end with a clause as the measures when there is no （一）, and reports the paragraphs after 三十、", () => {
    const numerals =
      "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九 三十".split(
        " ",
      );
    const clauses = [
      "（财政部负责）",
      "（水利部会同有关部门负责）",
      "（教育部、人力资源社会保障部会同有关部门负责）",
    ];
    const leads = [["财政部"], ["水利部"], ["教育部", "人力资源社会保障部"]];
    const measures = numerals.map(
      (numeral, index) =>
        `${numeral}、对落实第${index + 1}项激励措施成效明显的地区，在安排有关资金时予以倾斜。${clauses[index % 3]}`,
    );
    const parsed = parsePlanText(
      [
        "临江市人民政府办公室关于对重点工作",
        "落实有力地区予以奖励的通知",
        "各区、县级市人民政府，市政府各部门：",
        "为推动重点工作落实，经市人民政府同意，现就有关事项通知如下：",
        ...measures,
        "各地区要把奖励资金用于重点工作，不得挪作他用。",
        "各有关部门要于2030年6月30日前制定实施办法。",
        "本通知自印发之日起施行。",
        "临江市人民政府办公室",
        "2030年3月1日",
      ].join("\n"),
      "test.txt",
    );
    expect(parsed.measures.map((measure) => measure.label)).toEqual(
      numerals.map((numeral) => `${numeral}、`),
    );
    expect(parsed.measures.map((measure) => measure.number)).toEqual(numerals.map((_, index) => index + 1));
    expect(parsed.measures.map((measure) => measure.leadDepartments)).toEqual(
      numerals.map((_, index) => leads[index % 3]),
    );
    expect(parsed.measures[29]).toMatchObject({
      section: null,
      title: "对落实第30项激励措施成效明显的地区，在安排有关资金时予以倾斜",
      text: "对落实第30项激励措施成效明显的地区，在安排有关资金时予以倾斜。（教育部、人力资源社会保障部会同有关部门负责）",
    });
    expect(parsed.plan).toMatchObject({
      title: "临江市人民政府办公室关于对重点工作落实有力地区予以奖励的通知",
      issuer: "临江市人民政府办公室",
      issuedOn: "2030-03-01",
      numbering: "continuous",
    });
    expect(parsed.warnings).toEqual([
      'line 35: "各地区要把奖励资金用于重点工作，不得挪作他用。" follows the clause that ends measure 三十、: not part of any measure, not imported',
      'line 36: "各有关部门要于2030年6月30日前制定实施办法。" follows the clause that ends measure 三十、: not part of any measure, not imported',
      'line 37: "本通知自印发之日起施行。" follows the clause that ends measure 三十、: not part of any measure, not imported',
    ]);
  });
});
