import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "../../../src/adapters/files/read-plan-document.ts";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";
import { buildDocx } from "../../support/build-docx.ts";

const FIXTURE = "tests/fixtures/plans/restarting-numbering.txt";
const fixtureText = readFileSync(FIXTURE, "utf8");
const directory = mkdtempSync(join(tmpdir(), "duban-genre-"));

function summary(text: string) {
  return parsePlanText(text, "fixture").measures.map((measure) => ({
    label: measure.label,
    title: measure.title,
    leads: measure.leadDepartments,
    cooperating: measure.cooperatingDepartments.map((unit) => `${unit.name}/${unit.role}`),
  }));
}

describe("a plan that restarts numbering per section and uses 牵头单位/责任单位 clauses", () => {
  const parsed = parsePlanText(fixtureText, FIXTURE);

  it("numbers the measures through the plan and keeps the printed labels", () => {
    expect(parsed.plan.numbering).toBe("per-section");
    expect(parsed.measures.map((measure) => `${measure.number}${measure.label}`)).toEqual([
      "1（一）",
      "2（二）",
      "3（三）",
      "4（一）",
      "5（二）",
      "6（三）",
    ]);
    expect(parsed.measures.map((measure) => measure.section)).toEqual([
      "一、重点任务",
      "一、重点任务",
      "一、重点任务",
      "二、保障措施",
      "二、保障措施",
      "二、保障措施",
    ]);
    expect(parsed.warnings).toContain(
      "numbering restarts in each section: measures are numbered 1..N in plan order; label keeps the printed number",
    );
  });

  it("reads every form of lead clause", () => {
    expect(summary(fixtureText)).toEqual([
      {
        label: "（一）",
        title: "加快水源工程建设",
        leads: ["市水利局"],
        cooperating: ["市财政局/责任单位", "市发展改革委/责任单位"],
      },
      { label: "（二）", title: "完善管网设施", leads: ["市水利局", "市住房城乡建设局"], cooperating: [] },
      { label: "（三）", title: "推进水质检测", leads: ["市卫生健康委", "市生态环境局"], cooperating: [] },
      {
        label: "（一）",
        title: "加强组织领导",
        leads: ["市水利局"],
        cooperating: ["市财政局/配合", "市审计局/配合"],
      },
      {
        label: "（二）",
        title: "强化资金保障",
        leads: ["市财政局"],
        cooperating: ["市发展改革委/配合单位", "市水利局/配合单位"],
      },
      { label: "（三）", title: "严格督查考核", leads: [], cooperating: [] },
    ]);
    expect(parsed.measures[5]).toMatchObject({
      needsAssignment: true,
      suggestedDepartments: ["市发展改革委", "市水利局"],
    });
  });

  it("reads title, signature, date, basis document and copies", () => {
    expect(parsed.plan).toMatchObject({
      title: "周口市关于推进农村供水保障工作的实施方案",
      issuer: "周口市发展和改革委员会",
      issuedOn: "2022-03-15",
      basisDocument: "豫发改农经〔2022〕102 号",
      basisTitle: "河南省农村供水保障实施意见",
      countiesImplement: false,
      recipients: [],
      copies: ["市人民政府办公室"],
    });
    expect(parsed.warnings.join("\n")).not.toMatch(/no title|issuer|joined/);
    expect(parsed.measures[0]?.text).toContain("规模化供水工程覆盖农村人口");
  });

  it("reads the same plan from a GBK-encoded file", async () => {
    const path = join(directory, "gbk-plan.txt");
    writeFileSync(path, iconv.encode(fixtureText, "gbk"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path))).toThrow();
    const document = await readPlanDocument(path, "gbk-plan.txt");
    expect(document.encoding).toBe("GB18030");
    expect(document.text).toBe(fixtureText);
    expect(document.warnings).toEqual(["read gbk-plan.txt as GB18030 (it is not UTF-8)"]);
    expect(summary(document.text)).toEqual(summary(fixtureText));
  });

  it("reads the same plan from a .docx, runs of a paragraph joined", async () => {
    const paragraphs: (string | string[])[] = fixtureText.split("\n").filter((line) => line.trim() !== "");
    const first = paragraphs.findIndex((paragraph) =>
      paragraph.toString().startsWith("（一）加快水源工程建设。"),
    );
    expect(first).toBeGreaterThan(0);
    const rest = paragraphs[first]?.toString().slice("（一）加快水源工程建设。".length) ?? "";
    paragraphs[first] = ["（一）加快水源", "工程建设。", rest];
    const path = join(directory, "plan.docx");
    writeFileSync(path, await buildDocx(paragraphs));
    const document = await readPlanDocument(path);
    expect(document.encoding).toBe("docx");
    expect(summary(document.text)).toEqual(summary(fixtureText));
  });
});
