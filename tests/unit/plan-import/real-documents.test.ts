import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "../../../src/adapters/files/read-plan-document.ts";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";
import type { ParsedPlan } from "../../../src/domain/plan-import/plan-types.ts";
import { buildDocx, type DocxCell } from "../../support/build-docx.ts";

/** Real plans from other issuers (tests/fixtures/plans-real/SOURCES.md), each with hand-written ground truth. */
const DIRECTORY = "tests/fixtures/plans-real";
const scratch = mkdtempSync(join(tmpdir(), "duban-real-"));

interface Expected {
  number: number;
  label: string;
  section?: string | null;
  group?: string;
  title: string;
  lead: string[];
  needsAssignment: boolean;
}

const documents = readdirSync(DIRECTORY)
  .filter((file) => /\.(txt|docx)$/.test(file))
  .sort();

function expectedFor(file: string): Expected[] {
  return JSON.parse(readFileSync(join(DIRECTORY, file.replace(/\.\w+$/, ".expected.json")), "utf8"));
}

/** Labels as the importer writes them: brackets full-width ("(一)" -> "（一）"). */
function fullWidth(label: string): string {
  return label.replace("(", "（").replace(")", "）");
}

/** The scored fields of each measure (title, lead, needsAssignment), plus section and group where given. */
function compare(parsed: ParsedPlan, expected: readonly Expected[]) {
  expect(parsed.measures).toHaveLength(expected.length);
  const actual = parsed.measures.map((measure, index) => {
    const wanted = expected[index] as Expected;
    return {
      number: measure.number,
      label: measure.label,
      ...(wanted.section === undefined ? {} : { section: measure.section }),
      ...(wanted.group === undefined ? {} : { group: measure.group }),
      title: measure.title,
      lead: measure.leadDepartments,
      needsAssignment: measure.needsAssignment,
    };
  });
  expect(actual).toEqual(
    expected.map((wanted) => ({
      number: wanted.number,
      label: fullWidth(wanted.label),
      ...(wanted.section === undefined ? {} : { section: wanted.section }),
      ...(wanted.group === undefined ? {} : { group: wanted.group }),
      title: wanted.title,
      lead: wanted.lead,
      needsAssignment: wanted.needsAssignment,
    })),
  );
}

/** Never silently wrong: every measure without leads is named in a warning. */
function expectWarned(parsed: ParsedPlan) {
  for (const measure of parsed.measures.filter((candidate) => candidate.needsAssignment)) {
    expect(
      parsed.warnings.some((warning) => warning.includes(measure.label) && warning.includes(measure.title)),
      `${measure.label} ${measure.title}`,
    ).toBe(true);
  }
  expect(parsed.warnings.join("\n")).not.toMatch(/does not look like a department name/);
}

describe.each(documents)("the real plan %s", (file) => {
  it("gives exactly the hand-written measures: count, titles, leads, needs-assignment", async () => {
    const document = await readPlanDocument(join(DIRECTORY, file), file);
    const parsed = parsePlanText(document.text, file, document.tables);
    compare(parsed, expectedFor(file));
    expectWarned(parsed);
  });
});

describe("titles, document numbers and closing paragraphs of the real plans", () => {
  const parse = (file: string) => parsePlanText(readFileSync(join(DIRECTORY, file), "utf8"), file);

  it("joins a title broken over two lines and keeps the document's own 文号 out of basisDocument", () => {
    expect(parse("03-cujin-jiuye.txt").plan).toMatchObject({
      title: "国务院关于做好当前和今后一个时期促进就业工作的若干意见",
      documentNumber: "国发〔2018〕39号",
      basisDocument: null,
      issuer: "国务院",
      issuedOn: "2018-11-16",
      leadRule: "列第一位者为牵头单位，下同",
    });
    expect(parse("08-zongbao.txt").plan).toMatchObject({
      title: "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
      documentNumber: "国发〔2019〕3号",
      leadRule: "排在第一位的部门为牵头部门，下同",
    });
  });

  it("leaves the closing paragraph after （十五） out of the measure and says so", () => {
    const parsed = parse("03-cujin-jiuye.txt");
    const last = parsed.measures.at(-1);
    expect(last?.text.endsWith("（各有关部门和单位，各省级人民政府按职责分工负责）")).toBe(true);
    expect(last?.text).not.toContain("从工业企业结构调整专项奖补资金");
    expect(parsed.warnings).toContain(
      'line 26: "从工业企业结构调整专项奖补资金中安排部分资金并适时下达，由地…" follows the clause that ends measure （十五）: not part of any measure, not imported',
    );
  });

  it("keeps a heading-only measure's paragraphs and keeps 各区、县级市 whole among the cooperating units", () => {
    const sports = parse("09-tiyu-saishi.txt");
    expect(sports.measures[1]?.text.split("\n")).toHaveLength(5);
    const talent = parse("10-guangzhou-rencai.txt");
    expect(talent.measures[1]?.cooperatingDepartments).toEqual([
      { name: "市委组织部", role: "配合单位" },
      { name: "市人力资源和社会保障局", role: "配合单位" },
      { name: "各区、县级市", role: "配合单位" },
    ]);
    expect(talent.measures[34]?.cooperatingDepartments.map((unit) => unit.name)).toContain("越秀区");
  });
});

/** The numbered items of 10-guangzhou-rencai.txt as task-division table rows: 序号, task, 牵头单位, 配合单位. */
function guangzhouRows(): { section: string; group: string; cells: string[] }[] {
  const rows: { section: string; group: string; cells: string[] }[] = [];
  let section = "";
  let group = "";
  for (const line of readFileSync(join(DIRECTORY, "10-guangzhou-rencai.txt"), "utf8").split("\n")) {
    if (/^[一二三四五六]、/.test(line)) [section, group] = [line, ""];
    const heading = /^(（[一二三四五六]）[^。]+)。/.exec(line);
    if (heading !== null) group = heading[1] as string;
    const item = /^(\d+)\.(.*?)(?:（牵头单位：(.*?)(?:，配合单位：(.*))?）)?$/.exec(line);
    if (item === null) continue;
    const [, number, task, lead, cooperating] = item as unknown as string[];
    rows.push({ section, group, cells: [number as string, task as string, lead ?? "", cooperating ?? ""] });
  }
  return rows;
}

describe("task-division tables built from the real plans (derived: the texts' items laid out as tables)", () => {
  it("reads a Word table: merged section rows, a 类别 column, 牵头单位 and 配合单位", async () => {
    const rows = guangzhouRows();
    expect(rows).toHaveLength(45);
    const table: DocxCell[][] = [["序号", "类别", "重点项目", "牵头单位", "配合单位"]];
    let section = "";
    for (const row of rows) {
      if (row.section !== section) {
        section = row.section;
        table.push([{ text: section, columns: 5 }]);
      }
      const [number, task, lead, cooperating] = row.cells as [string, string, string, string];
      table.push([number, row.group, task, lead, cooperating]);
    }
    const path = join(scratch, "guangzhou-table.docx");
    writeFileSync(path, await buildDocx(["关于推进人才集聚工程的实施意见", "重点项目分工表", { table }]));
    const document = await readPlanDocument(path, "guangzhou-table.docx");
    expect(document.tables).toHaveLength(1);
    const parsed = parsePlanText(document.text, "guangzhou-table.docx", document.tables);
    const expected = expectedFor("10-guangzhou-rencai.txt").map((measure) => ({
      ...measure,
      label: measure.label.replace(".", ""),
      group: measure.group === undefined ? (null as unknown as string) : measure.group,
    }));
    compare(parsed, expected);
    expectWarned(parsed);
    expect(parsed.plan.title).toBe("关于推进人才集聚工程的实施意见");
    expect(parsed.measures[1]?.cooperatingDepartments.map((unit) => unit.name)).toEqual([
      "市委组织部",
      "市人力资源和社会保障局",
      "各区、县级市",
    ]);
    expect(parsed.warnings).toContain("measures read from the task-division table (table 1): 45 rows");
  });

  it("reads an .xlsx sheet with only a 责任部门 column (first listed leads) and merged group rows", async () => {
    const lines = readFileSync(join(DIRECTORY, "08-zongbao.txt"), "utf8").split("\n");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("重点任务分工表");
    sheet.addRow(["国务院关于促进综合保税区高水平开放高质量发展的若干意见重点任务分工表"]);
    sheet.mergeCells("A1:C1");
    sheet.addRow(["序号", "主要任务", "责任部门"]);
    for (const line of lines) {
      const heading = /^（[一二三四五]）[^。]+。$/.test(line);
      if (heading) {
        const row = sheet.addRow([line.replace(/。$/, "")]);
        sheet.mergeCells(row.number, 1, row.number, 3);
      }
      const item = /^(\d+)\.(.*)（(.*?)负责(?:，.*)?）$/.exec(line);
      if (item !== null) sheet.addRow([item[1], item[2], (item[3] as string).replace(/等有关部门$/, "")]);
    }
    const path = join(scratch, "zongbao.xlsx");
    await workbook.xlsx.writeFile(path);
    const document = await readPlanDocument(path, "zongbao.xlsx");
    expect(document.encoding).toBe("xlsx");
    const parsed = parsePlanText(document.text, "zongbao.xlsx", document.tables);
    const items = expectedFor("08-zongbao.txt").slice(4);
    compare(
      parsed,
      items.map((measure, index) => ({
        ...measure,
        number: index + 1,
        label: measure.label.replace(".", ""),
        section: measure.group as string,
        group: undefined,
      })),
    );
    expect(parsed.plan.title).toBe("国务院关于促进综合保税区高水平开放高质量发展的若干意见重点任务分工表");
  });
});
