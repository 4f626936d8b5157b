import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "../../../src/adapters/files/read-plan-document.ts";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";
import type { ParsedPlan } from "../../../src/domain/plan-import/plan-types.ts";
import { buildDocx, type DocxCell } from "../../support/build-docx.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Real plans from other issuers (tests/fixtures/plans-real/SOURCES.md), each with hand-written ground truth. */
const DIRECTORY = join(ROOT, "tests/fixtures/plans-real");
const scratch = mkdtempSync(join(tmpdir(), "duban-real-"));

interface Expected {
  number: number;
  label: string;
  section?: string | null;
  group?: string | null;
  title: string;
  lead: string[];
  needsAssignment: boolean;
}

function documentsIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => /\.(txt|docx|xlsx)$/.test(file))
    .sort();
}

const documents = documentsIn(DIRECTORY);

/**
 * Where more real plans may be kept outside the repo (data brought by the search tools may live only in
 * the steering repo's shared/ directory; see tests/fixtures/plans-real/SOURCES.md): DUBAN_REAL_PLANS_DIR,
 * else shared/plans-real beside the project (/work/main) or beside its worktrees' folder (/work/wt/<name>).
 * A DUBAN_REAL_PLANS_DIR that names no directory is an error, not a skip.
 */
function findExternalDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.DUBAN_REAL_PLANS_DIR;
  if (named !== undefined && named !== "") {
    if (!existsSync(named) || !statSync(named).isDirectory())
      throw new Error(`DUBAN_REAL_PLANS_DIR=${named} is not a directory`);
    return resolve(named);
  }
  const beside = [join(ROOT, "../shared/plans-real"), join(ROOT, "../../shared/plans-real")];
  return beside.find((candidate) => existsSync(candidate) && statSync(candidate).isDirectory()) ?? null;
}

const externalDirectory = findExternalDirectory();
/** The external documents not already in the repo (by file name). */
const externalDocuments =
  externalDirectory === null
    ? []
    : documentsIn(externalDirectory).filter((file) => !documents.includes(file));

function expectedFor(directory: string, file: string): Expected[] {
  const path = join(directory, file.replace(/\.\w+$/, ".expected.json"));
  if (!existsSync(path)) throw new Error(`${file} has no ground truth: ${path} is missing`);
  return JSON.parse(readFileSync(path, "utf8"));
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

async function checkDocument(directory: string, file: string) {
  const document = await readPlanDocument(join(directory, file), file);
  const parsed = parsePlanText(document.text, file, document.tables);
  compare(parsed, expectedFor(directory, file));
  expectWarned(parsed);
}

describe.each(documents)("the real plan %s", (file) => {
  it("gives exactly the hand-written measures: count, titles, leads, needs-assignment", async () => {
    await checkDocument(DIRECTORY, file);
  });
});

function externalTitle(): string {
  const heading = "real plans outside the repo";
  if (externalDirectory === null)
    return `${heading}: skipped, no directory found (DUBAN_REAL_PLANS_DIR is not set and there is no shared/plans-real beside the project)`;
  if (externalDocuments.length === 0)
    return `${heading}: skipped, ${externalDirectory} holds no document that is not in tests/fixtures/plans-real`;
  return `${heading}, in ${externalDirectory} (${externalDocuments.length} not in tests/fixtures/plans-real)`;
}

describe.skipIf(externalDocuments.length === 0)(externalTitle(), () => {
  const listed = externalDocuments.length > 0 ? externalDocuments : ["(none)"];
  it.each(listed)(
    "%s gives exactly the hand-written measures: count, titles, leads, needs-assignment",
    async (file) => {
      await checkDocument(externalDirectory as string, file);
    },
  );
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

  it("keeps the paragraphs of a heading-only measure: （二）发展目标。 and its two paragraphs", () => {
    const goals = parse("04-nongji.txt").measures[1];
    expect(goals?.title).toBe("发展目标");
    const paragraphs = goals?.text.split("\n") ?? [];
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toMatch(/^到2020年，/);
    expect(paragraphs[2]).toMatch(/^到2025年，/);
  });
});

/**
 * 03's clause laid out as 分工表 cells, as its rule "列第一位者为牵头单位" reads: the first unit named
 * leads (牵头单位), the others are 责任单位, written as in the clause (tails such as 等有关部门和单位
 * kept); a clause that names no unit goes to the 牵头单位 cell as it stands.
 */
function divideClause(clause: string): [string, string] {
  const units = clause.replace(/。列第一位者为牵头单位，下同$/, "").replace(/(?:按职责分工)?负责$/, "");
  const named = units.replace(/^各有关部门和单位[，、]?/, "");
  if (named === "") return [units, ""];
  const separator = named.search(/[、，]/);
  return separator < 0 ? [named, ""] : [named.slice(0, separator), named.slice(separator + 1)];
}

describe("task-division tables built from the real plans (derived: the texts' measures laid out as tables)", () => {
  it("reads a Word table: merged section rows, 牵头单位 leads, 责任单位 co-operate", async () => {
    const table: DocxCell[][] = [["序号", "重点任务", "牵头单位", "责任单位"]];
    let rows = 0;
    for (const line of readFileSync(join(DIRECTORY, "03-cujin-jiuye.txt"), "utf8").split("\n")) {
      if (/^[一二三四五]、/.test(line)) table.push([{ text: line, columns: 4 }]);
      const measure = /^（[一二三四五六七八九十]+）(.*)（([^（）]*负责[^（）]*)）$/.exec(line);
      if (measure === null) continue;
      rows += 1;
      table.push([String(rows), measure[1] as string, ...divideClause(measure[2] as string)]);
    }
    const path = join(scratch, "cujin-table.docx");
    writeFileSync(
      path,
      await buildDocx([
        "国务院关于做好当前和今后一个时期促进就业工作的若干意见",
        "重点任务分工表",
        { table },
      ]),
    );
    const document = await readPlanDocument(path, "cujin-table.docx");
    expect(document.tables).toHaveLength(1);
    const parsed = parsePlanText(document.text, "cujin-table.docx", document.tables);
    const expected = expectedFor(DIRECTORY, "03-cujin-jiuye.txt");
    compare(
      parsed,
      expected.map((measure) => ({
        ...measure,
        label: String(measure.number),
        group: null,
        lead: measure.lead.slice(0, 1),
      })),
    );
    expect(parsed.measures.map((measure) => measure.cooperatingDepartments)).toEqual(
      expected.map((measure) => measure.lead.slice(1).map((name) => ({ name, role: "责任单位" }))),
    );
    expectWarned(parsed);
    expect(parsed.plan.title).toBe("国务院关于做好当前和今后一个时期促进就业工作的若干意见");
    expect(parsed.warnings).toContain("measures read from the task-division table (table 1): 15 rows");
    expect(parsed.warnings).toContain(
      'table 1 row 19 (13 明确部门组织协调责任): could not read the lead unit "各有关部门和单位": assign its leads by hand',
    );
  });

  it("reads an .xlsx sheet with only a 责任部门 column (every unit listed leads) and merged section rows", async () => {
    const lines = readFileSync(join(DIRECTORY, "02-xiaofei-fupin.txt"), "utf8").split("\n");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("重点任务分工表");
    sheet.addRow([`${lines[0]}${lines[1]}重点任务分工表`]);
    sheet.mergeCells("A1:C1");
    sheet.addRow(["序号", "主要任务", "责任部门"]);
    let rows = 0;
    for (const line of lines) {
      if (/^[一二三四五六]、/.test(line)) {
        const row = sheet.addRow([line]);
        sheet.mergeCells(row.number, 1, row.number, 3);
      }
      const measure = /^（[一二三四五六七八九十]+）(.*)（([^（）]*)负责）$/.exec(line);
      if (measure === null) continue;
      rows += 1;
      sheet.addRow([rows, measure[1], measure[2]]);
    }
    const path = join(scratch, "xiaofei.xlsx");
    await workbook.xlsx.writeFile(path);
    const document = await readPlanDocument(path, "xiaofei.xlsx");
    expect(document.encoding).toBe("xlsx");
    const parsed = parsePlanText(document.text, "xiaofei.xlsx", document.tables);
    compare(
      parsed,
      expectedFor(DIRECTORY, "02-xiaofei-fupin.txt").map((measure) => ({
        ...measure,
        label: String(measure.number),
      })),
    );
    expectWarned(parsed);
    expect(parsed.measures.every((measure) => measure.cooperatingDepartments.length === 0)).toBe(true);
    expect(parsed.plan.title).toBe(
      "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见重点任务分工表",
    );
    expect(parsed.warnings).toContain(
      "measures read from the task-division table (sheet 重点任务分工表): 17 rows",
    );
  });
});
