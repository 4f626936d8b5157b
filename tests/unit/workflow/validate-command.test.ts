import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkflowFile } from "../../../src/adapters/files/load-workflow-file.ts";
import { runCli } from "../../../src/cli/main.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const curated = readFileSync(join(REPO, "workflows/nanyang-relocation-2021.yaml"), "utf8");
const cwd = mkdtempSync(join(tmpdir(), "duban-validate-"));

/** Writes a copy of the curated file with each [from, to] replacement applied (each must apply). */
function brokenCopy(name: string, edits: [string | RegExp, string][]): string {
  let text = curated;
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit did not apply: ${from}`);
    text = next;
  }
  writeFileSync(join(cwd, name), text);
  return name;
}

function lineOf(file: string, fragment: string, last = false): number {
  const lines = readFileSync(join(cwd, file), "utf8").split("\n");
  const matches = (line: string) => line.includes(fragment);
  return (last ? lines.findLastIndex(matches) : lines.findIndex(matches)) + 1;
}

async function validate(file: string) {
  const io = recordingCliIo(cwd);
  const code = await runCli(["validate", file], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("duban validate", () => {
  it("accepts the curated Nanyang workflow", async () => {
    const result = await validate(join(REPO, "workflows/nanyang-relocation-2021.yaml"));
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toMatch(/: valid \(21 measures, 22 departments, 13 counties\)$/);
    expect(result.stderr).toEqual([]);
  });

  it("reports each schema problem with its path, line and column, and exits 2", async () => {
    const file = brokenCopy("schema.yaml", [
      ["  issuedOn: 2021-10-08", "  issuedOn: 2021-13-08"],
      [/(- id: city-forestry\n {4}name: 市林业局\n {4}level: )city/, "$1town\n    colour: green"],
      ["  - number: 7\n", "  - number: seven\n"],
    ]);
    const result = await validate(file);
    expect(result.code).toBe(2);
    const town = lineOf(file, "level: town");
    expect(result.stderr).toEqual([
      `schema.yaml:${lineOf(file, "issuedOn: 2021-13-08")}:13: plan.issuedOn: expected a date written "YYYY-MM-DD"`,
      `schema.yaml:${town}:12: departments[4].level: Invalid option: expected one of "province"|"city"|"county"`,
      `schema.yaml:${town + 1}:5: departments[4].colour: unknown key "colour"`,
      `schema.yaml:${lineOf(file, "number: seven")}:13: measures[6].number: Invalid input: expected number, received string`,
      "schema.yaml: 4 errors, 0 warnings",
    ]);
    expect(result.stdout).toEqual([]);
  });

  it("reports names that resolve to no department, duplicates and contradictions", async () => {
    const file = brokenCopy("semantic.yaml", [
      ["    leads: [市教育局, 市卫生健康委, 市民政局]", "    leads: [市教育局, 市卫生健康委, 市民政厅]"],
      ["  - id: city-commerce\n", "  - id: city-forestry\n"],
      [
        "    aliases: [市发展和改革委员会, 南阳市发展和改革委员会, 市发改委]",
        "    aliases: [市发展和改革委员会, 市统计局]",
      ],
      ["    aliases: [南阳市财政局]", "    aliases: [南阳市财政局, 市统计局]"],
      [
        "    leads: [市人力资源社会保障局, 市财政局]\n    needsAssignment: false",
        "    leads: [市人力资源社会保障局, 市财政局]\n    needsAssignment: true",
      ],
    ]);
    const result = await validate(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      `semantic.yaml:${lineOf(file, "id: city-forestry", true)}:9: departments[5].id: id "city-forestry" is used twice`,
      `semantic.yaml:${lineOf(file, "[南阳市财政局, 市统计局]")}:23: departments[6].aliases[1]: name "市统计局" also belongs to department city-development-reform: names must be unique`,
      `semantic.yaml:${lineOf(file, "needsAssignment: true")}:22: measures[6].needsAssignment: the measure has leads: set needsAssignment to false`,
      `semantic.yaml:${lineOf(file, "市民政厅")}:27: measures[9].leads[2]: unknown department "市民政厅": add it to departments (as a name or an alias)`,
      "semantic.yaml: 4 errors, 0 warnings",
    ]);
  });

  it("reports a YAML syntax error with its line and column", async () => {
    writeFileSync(join(cwd, "syntax.yaml"), "version: 1\nid: x\nplan:\n  title: [a, b\n");
    const result = await validate("syntax.yaml");
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^syntax\.yaml:\d+:\d+: .*flow sequence/i);
    writeFileSync(join(cwd, "twice.yaml"), "version: 1\nid: x\nid: y\n");
    expect((await validate("twice.yaml")).stderr[0]).toBe("twice.yaml:3:1: Map keys must be unique");
  });

  it("prints warnings and exits 0 for work left to do", async () => {
    const file = brokenCopy("open.yaml", [
      [
        /( {4}leads: )\[人行南阳中心支行, 南阳银保监局\]\n {4}needsAssignment: false/,
        "$1[]\n    needsAssignment: true",
      ],
    ]);
    const result = await validate(file);
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual([
      `open.yaml:${lineOf(file, "    leads: []")}:12: warning: measures[19].leads: measure （二十） 加强金融支持 needs assignment: no lead yet`,
      "open.yaml: valid (21 measures, 22 departments, 13 counties; 1 warning)",
    ]);
  });

  it("flags department names that look like pieces of a clause, and names the path and line", async () => {
    const file = brokenCopy("fragments.yaml", [
      ["aliases: [南阳市农业农村局]", "aliases: [南阳市农业农村局, 全国总工会等和各省级人民政府]"],
      ["aliases: [市发展和改革委员会,", "aliases: [各有关部门和单位，各省级人民政府, 市发展和改革委员会,"],
    ]);
    const result = await validate(file);
    expect(result.code).toBe(0);
    const flagged = result.stdout.filter((line) =>
      line.includes("looks like a piece of a responsibility clause"),
    );
    expect(flagged).toEqual([
      `fragments.yaml:${lineOf(file, "全国总工会等和各省级人民政府")}:25: warning: departments[0].aliases[1]: "全国总工会等和各省级人民政府" looks like a piece of a responsibility clause, not a department (it contains "等"): split it into the departments it names`,
      `fragments.yaml:${lineOf(file, "各有关部门和单位，各省级人民政府")}:15: warning: departments[1].aliases[0]: "各有关部门和单位，各省级人民政府" looks like a piece of a responsibility clause, not a department (it contains punctuation): split it into the departments it names`,
    ]);
  });

  it("gives one line for a missing file and for no file", async () => {
    expect(await validate("nowhere.yaml")).toEqual({
      code: 2,
      stdout: [],
      stderr: ["duban: cannot read nowhere.yaml: no such file"],
    });
    const io = recordingCliIo(cwd);
    expect(await runCli(["validate"], io)).toBe(2);
    expect(io.stderr).toEqual(["duban: give the workflow file to check: duban validate <file>"]);
  });

  it("prints the JSON Schema", async () => {
    const io = recordingCliIo(cwd);
    expect(await runCli(["validate", "--json-schema"], io)).toBe(0);
    const schema = JSON.parse(io.stdout.join(""));
    expect(schema.required).toEqual(["version", "id", "plan", "departments", "measures"]);
    expect(schema.properties.schedule.additionalProperties).toBe(false);
  });
});

describe("loadWorkflowFile", () => {
  it("refuses a file with errors in one line naming the first and counting the rest", async () => {
    const file = brokenCopy("load.yaml", [
      ["  - id: city-commerce\n", "  - id: city-forestry\n"],
      ["    leads: [市教育局, 市卫生健康委, 市民政局]", "    leads: [市教育局, 市卫生健康委, 市民政厅]"],
    ]);
    const line = lineOf(file, "id: city-forestry", true);
    await expect(loadWorkflowFile(join(cwd, file), file)).rejects.toMatchObject({
      userMessage: `load.yaml:${line}:9: departments[5].id: id "city-forestry" is used twice (and 1 more: run \`duban validate load.yaml\`)`,
    });
  });

  it("returns the workflow with defaults applied", async () => {
    const workflow = await loadWorkflowFile(join(REPO, "workflows/nanyang-relocation-2021.yaml"));
    expect(workflow.timezone).toBe("Asia/Shanghai");
    expect(workflow.measures[0]?.cooperating).toEqual([]);
  });
});
