import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "../../../src/adapters/files/read-plan-document.ts";
import { runCli } from "../../../src/cli/main.ts";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";
import { readDeadline } from "../../../src/domain/plan-import/read-deadline.ts";
import { buildDocx, type DocxCell } from "../../support/build-docx.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";

const cwd = mkdtempSync(join(tmpdir(), "duban-tables-"));

/**
 * A task-division table laid out as offices write them. The column names and 完成时限 forms are the
 * genre's; the rows are made up for the test (no real table with 完成时限 was reachable, see
 * tests/fixtures/plans-real/SOURCES.md).
 */
const TABLE = [
  ["序号", "工作任务", "责任单位", "配合单位", "完成时限"],
  ["一、优化政务服务", "一、优化政务服务", "一、优化政务服务", "一、优化政务服务", "一、优化政务服务"],
  [
    "1",
    "建成一体化政务服务平台。实现全流程网上办理。",
    "市政务服务和大数据管理局",
    "市财政局、公安局",
    "2022年6月底前",
  ],
  ["2", "推行告知承诺制。", "市司法局", "各县（市、区）人民政府", "长期坚持"],
  ["3", "开展营商环境评价。", "市发展改革委", "", "每季度"],
  ["4", "清理证明事项。", "", "市司法局", "2022年三季度"],
];

describe("readDeadline", () => {
  it("reads the dates a 完成时限 names, the latest when there are several", () => {
    expect(readDeadline("2022年6月底前")).toBe("2022-06-30");
    expect(readDeadline("2024年2月底前")).toBe("2024-02-29");
    expect(readDeadline("2022年6月15日前")).toBe("2022-06-15");
    expect(readDeadline("2022年底前")).toBe("2022-12-31");
    expect(readDeadline("2022年上半年")).toBe("2022-06-30");
    expect(readDeadline("2022年第三季度")).toBe("2022-09-30");
    expect(readDeadline("2022年6月底前启动，2023年底前完成")).toBe("2023-12-31");
  });

  it("gives no date for time limits that are none", () => {
    expect(readDeadline("长期坚持")).toBeNull();
    expect(readDeadline("每季度")).toBeNull();
    expect(readDeadline("持续推进")).toBeNull();
  });
});

describe("a task-division table (重点任务分工表)", () => {
  const parsed = parsePlanText("某市优化营商环境重点任务分工方案", "plan.docx", [
    { name: "table 1", rows: TABLE },
  ]);

  it("makes a measure per task row: 责任单位 lead when there is no 牵头单位 column, 配合单位 co-operate", () => {
    expect(
      parsed.measures.map((measure) => ({
        label: measure.label,
        section: measure.section,
        title: measure.title,
        leads: measure.leadDepartments,
        cooperating: measure.cooperatingDepartments.map((unit) => unit.name),
        needsAssignment: measure.needsAssignment,
      })),
    ).toEqual([
      {
        label: "1",
        section: "一、优化政务服务",
        title: "建成一体化政务服务平台",
        leads: ["市政务服务和大数据管理局"],
        cooperating: ["市财政局", "市公安局"],
        needsAssignment: false,
      },
      {
        label: "2",
        section: "一、优化政务服务",
        title: "推行告知承诺制",
        leads: ["市司法局"],
        cooperating: ["各县（市、区）人民政府"],
        needsAssignment: false,
      },
      {
        label: "3",
        section: "一、优化政务服务",
        title: "开展营商环境评价",
        leads: ["市发展改革委"],
        cooperating: [],
        needsAssignment: false,
      },
      {
        label: "4",
        section: "一、优化政务服务",
        title: "清理证明事项",
        leads: [],
        cooperating: ["市司法局"],
        needsAssignment: true,
      },
    ]);
    expect(parsed.plan.title).toBe("某市优化营商环境重点任务分工方案");
  });

  it("keeps each 完成时限 as written and reads a date as the deadline", () => {
    expect(parsed.measures.map((measure) => [measure.timeLimit, measure.deadline])).toEqual([
      ["2022年6月底前", "2022-06-30"],
      ["长期坚持", null],
      ["每季度", null],
      ["2022年三季度", "2022-09-30"],
    ]);
  });

  it("warns for a row without a lead unit, naming the row and the task", () => {
    expect(parsed.warnings).toContain(
      "table 1 row 6 (4 清理证明事项): no lead unit: assign its leads by hand",
    );
    expect(parsed.warnings.filter((warning) => /row \d+ \(/.test(warning))).toHaveLength(1);
  });

  it("reads a 牵头单位 column as the leads and 责任单位 as co-operating", () => {
    const table = [
      ["序号", "重点任务", "牵头单位", "责任单位", "完成时间"],
      ["1", "建设数据中心。", "市大数据局", "市发展改革委、财政局", "2023年12月31日前"],
      ["2", "完善平台。", "市大数据局等和各县（市、区）人民政府", "", ""],
    ];
    const plan = parsePlanText("", "tasks.xlsx", [{ name: "sheet 分工", rows: table }]);
    expect(
      plan.measures.map((measure) => [
        measure.leadDepartments,
        measure.cooperatingDepartments,
        measure.deadline,
      ]),
    ).toEqual([
      [
        ["市大数据局"],
        [
          { name: "市发展改革委", role: "责任单位" },
          { name: "市财政局", role: "责任单位" },
        ],
        "2023-12-31",
      ],
      [["市大数据局", "各县（市、区）人民政府"], [], null],
    ]);
  });
});

describe("a Word task-division table with 类别 and 配合单位 columns (重点项目分工表)", () => {
  it("reads merged section rows, the 类别 as the group, 配合单位 with the lead's 市 and 各区、县级市 whole", async () => {
    const table: DocxCell[][] = [
      ["序号", "类别", "重点项目", "牵头单位", "配合单位"],
      [{ text: "一、实施人才行动计划", columns: 5 }],
      ["1", "（一）科技人才行动计划", "创新团队项目。引进创新团队。", "市委组织部", "科技局、各区、县级市"],
      ["2", "（一）科技人才行动计划", "青年英才项目。资助青年英才。", "团市委", "市人力资源社会保障局"],
      [
        "3",
        "（二）技能人才行动计划",
        "技能大师项目。建设技能大师工作室。",
        "市人力资源社会保障局",
        "教育局、城关区",
      ],
      [{ text: "二、强化组织实施", columns: 5 }],
      ["4", "", "完善考核评价。建立年度考核机制。", "市委组织部", "各有关区、县级市"],
    ];
    const path = join(cwd, "projects.docx");
    writeFileSync(path, await buildDocx(["关于测试人才工程的实施意见", "重点项目分工表", { table }]));
    const document = await readPlanDocument(path, "projects.docx");
    const parsed = parsePlanText(document.text, "projects.docx", document.tables);
    expect(
      parsed.measures.map((measure) => [
        measure.label,
        measure.section,
        measure.group,
        measure.title,
        measure.leadDepartments,
        measure.cooperatingDepartments.map((unit) => `${unit.name}/${unit.role}`),
      ]),
    ).toEqual([
      [
        "1",
        "一、实施人才行动计划",
        "（一）科技人才行动计划",
        "创新团队项目",
        ["市委组织部"],
        ["市科技局/配合单位", "各区、县级市/配合单位"],
      ],
      [
        "2",
        "一、实施人才行动计划",
        "（一）科技人才行动计划",
        "青年英才项目",
        ["团市委"],
        ["市人力资源社会保障局/配合单位"],
      ],
      [
        "3",
        "一、实施人才行动计划",
        "（二）技能人才行动计划",
        "技能大师项目",
        ["市人力资源社会保障局"],
        ["市教育局/配合单位", "城关区/配合单位"],
      ],
      ["4", "二、强化组织实施", null, "完善考核评价", ["市委组织部"], ["各有关区、县级市/配合单位"]],
    ]);
    expect(parsed.plan.title).toBe("关于测试人才工程的实施意见");
    expect(parsed.warnings).toEqual([
      "no issuer found: set plan.issuer by hand",
      "no date found: set plan.issuedOn by hand",
      "measures read from the task-division table (table 1): 4 rows",
    ]);
  });
});

describe("duban import of a .docx with a task-division table", () => {
  it("writes the deadlines into the workflow file, which validates", async () => {
    writeFileSync(
      join(cwd, "tasks.docx"),
      await buildDocx(["某市优化营商环境重点任务分工方案", { table: TABLE }]),
    );
    const io = recordingCliIo(cwd);
    expect(await runCli(["import", "tasks.docx", "--out", "tasks.yaml"], io)).toBe(0);
    expect(io.stdout[0]).toBe("imported 4 measures from tasks.docx (docx)");
    const written = readFileSync(join(cwd, "tasks.yaml"), "utf8");
    expect(written).toContain("timeLimit: 2022年6月底前");
    expect(written).toContain("deadline: 2022-06-30");
    expect(written).toContain("timeLimit: 长期坚持");
    expect(written).toContain("collective: true");
    const validation = recordingCliIo(cwd);
    expect(await runCli(["validate", "tasks.yaml"], validation)).toBe(0);
    expect(validation.stdout.at(-1)).toMatch(/^tasks\.yaml: valid \(4 measures/);
    const document = await readPlanDocument(join(cwd, "tasks.docx"));
    expect(document.text.trim()).toBe("某市优化营商环境重点任务分工方案");
  });
});
