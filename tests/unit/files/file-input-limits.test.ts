import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadWorkingDayCalendar,
  parseCalendarFile,
} from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { readContactsFile } from "../../../src/adapters/files/read-contacts-file.ts";
import { YAML_LIMITS } from "../../../src/adapters/files/read-yaml-file.ts";
import { runCli } from "../../../src/cli/main.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const NANYANG = readFileSync(join(REPO, "workflows/nanyang-relocation-2021.yaml"), "utf8");
const cwd = mkdtempSync(join(tmpdir(), "duban-file-limits-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  writeFileSync(join(cwd, name), content);
  return name;
}

/** The Nanyang workflow with one edit applied (it must apply). */
function nanyangWith(from: string, to: string): string {
  const edited = NANYANG.replace(from, to);
  if (edited === NANYANG) throw new Error(`edit did not apply: ${from}`);
  return edited;
}

async function cli(...argv: string[]) {
  const io = recordingCliIo(cwd, { SLACK_BOT_TOKEN: "xoxb-test" });
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, index) => {
    const previous = "abcdefgh"[index];
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`;
  }),
  "",
].join("\n");

describe("YAML limits in duban load and validate: one line naming the file and the problem, exit 2", () => {
  it("an alias bomb is refused at its first alias, without expanding it", async () => {
    const file = write("bomb.yaml", ALIAS_BOMB);
    const loaded = await cli("load", file);
    expect(loaded.code).toBe(2);
    expect(loaded.stderr).toHaveLength(1);
    expect(loaded.stderr[0]).toMatch(
      /^duban: \/.*bomb\.yaml:2:8: its aliases \(\*name\) expand to too much data \(more than the 100 alias expansions allowed\): write the values out instead$/,
    );
    const validated = await cli("validate", file);
    expect(validated.code).toBe(2);
    expect(validated.stderr[0]).toMatch(/^bomb\.yaml:2:8: its aliases/);
  });

  it("an alias to no anchor is one line at that alias, not a stack trace", async () => {
    const file = write("unresolved.yaml", "plan: &plan { title: x }\nmeasures: *measures\n");
    const loaded = await cli("load", file);
    expect(loaded.code).toBe(2);
    expect(loaded.stderr).toEqual([
      `duban: ${join(cwd, file)}:2:11: Unresolved alias (the anchor must be set before the alias): measures`,
    ]);
  });

  it("a document nested deeper than the limit is refused where it gets too deep, block or flow style", async () => {
    const block = write(
      "deep-block.yaml",
      `a:\n${Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i + 1)}k:`).join("\n")}\n`,
    );
    const loaded = await cli("load", block);
    expect(loaded.code).toBe(2);
    expect(loaded.stderr).toEqual([
      `duban: ${join(cwd, block)}:${YAML_LIMITS.maxDepth + 1}:${2 * YAML_LIMITS.maxDepth + 1}: nested more than 64 levels deep (mappings and lists inside each other): not a file Duban reads`,
    ]);
    const flow = write("deep-flow.yaml", `a: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`);
    const flowLoaded = await cli("load", flow);
    expect(flowLoaded.code).toBe(2);
    expect(flowLoaded.stderr).toHaveLength(1);
    expect(flowLoaded.stderr[0]).toMatch(/deep-flow\.yaml:\d+:\d+: nested more than 64 levels deep/);
  });

  it("a file larger than the limit is refused before it is read", async () => {
    const file = write("big.yaml", `plan: "${"x".repeat(YAML_LIMITS.maxBytes)}"\n`);
    const loaded = await cli("load", file);
    expect(loaded.code).toBe(2);
    expect(loaded.stderr).toEqual([
      `duban: ${join(cwd, file)} is 1.0 MB, more than the 1.0 MB a workflow file may be: is it the right file?`,
    ]);
    expect((await cli("validate", file)).stderr).toEqual([
      "duban: big.yaml is 1.0 MB, more than the 1.0 MB a workflow file may be: is it the right file?",
    ]);
  });

  it("the working-day calendar is read within the same limits", async () => {
    expect(() => parseCalendarFile(ALIAS_BOMB, "cal.yaml")).toThrow(
      /^cal\.yaml:2: not valid YAML \(its aliases \(\*name\) expand to too much data/,
    );
    const big = join(cwd, write("big-calendar.yaml", `years: "${"x".repeat(YAML_LIMITS.maxBytes)}"\n`));
    await expect(loadWorkingDayCalendar(big)).rejects.toThrow(/more than the 1\.0 MB a calendar file may be/);
  });
});

describe("control characters in a workflow file", () => {
  it("a string holding one (a \\0 escape) is an error at its line, and load refuses the file", async () => {
    const file = write(
      "nul.yaml",
      nanyangWith(
        "  title: 南阳市关于切实做好易地扶贫搬迁后续扶持工作巩固拓展脱贫攻坚成果的实施方案",
        '  title: "南阳市关于切实做好易地扶贫搬迁后续扶持工作\\0巩固拓展脱贫攻坚成果的实施方案"',
      ),
    );
    const text = readFileSync(join(cwd, file), "utf8");
    expect(text).toContain("后续扶持工作\\0巩固");
    const line = text.split("\n").findIndex((entry) => entry.includes("\\0")) + 1;
    const validated = await cli("validate", file);
    expect(validated.code).toBe(2);
    expect(validated.stderr[0]).toBe(
      `nul.yaml:${line}:10: plan.title: holds the invisible control character U+0000: remove it (and any escape such as "\\0" that writes one)`,
    );
    const loaded = await cli("load", file);
    expect(loaded.code).toBe(2);
    expect(loaded.stderr).toHaveLength(1);
    expect(loaded.stderr[0]).toContain(
      `nul.yaml:${line}:10: plan.title: holds the invisible control character U+0000`,
    );
  });
});

describe("each file kind gets advice for its own kind", () => {
  it("a contacts CSV holding NUL bytes is told how to save a contacts sheet, not a plan", async () => {
    const file = write("contacts.csv", "部门,姓名,邮箱\n市农业农村局,李\u0000娜,li.na@nanyang.gov.cn\n");
    const imported = await cli("contacts", "import", file);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toEqual([
      'duban: contacts.csv is not a CSV text file (it holds NUL or other binary bytes): save the sheet from Excel as "CSV UTF-8", or give the .xlsx workbook',
    ]);
    await expect(readContactsFile(join(cwd, write("empty.csv", "")), "empty.csv")).rejects.toThrow(
      "empty.csv is empty: give a table with the headers 部门, 姓名, 邮箱, 角色 (department, name, email, role)",
    );
  });

  it("a workflow file holding NUL bytes is told it should be YAML text", async () => {
    const file = write("binary.yaml", Buffer.from([0x70, 0x6c, 0x61, 0x6e, 0x3a, 0x00, 0x01, 0x02]));
    const validated = await cli("validate", file);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toEqual([
      "duban: binary.yaml is not a YAML text file (it holds NUL or other binary bytes): a workflow file is YAML text, as `duban import <plan>` writes it",
    ]);
  });

  it("a plan document keeps the plan's advice", async () => {
    const file = write("plan.txt", Buffer.from([0x00, 0x01, 0x02, 0x03]));
    const imported = await cli("import", file, "--out", "out.yaml");
    expect(imported.stderr.join("\n")).toContain("give a .txt or .docx file");
  });
});

describe("a GBK-encoded workflow file", () => {
  it("is read as GB18030: its problems quote readable Chinese, and a valid one validates (with a warning)", async () => {
    const broken = nanyangWith(
      "    leads: [市教育局, 市卫生健康委, 市民政局]",
      "    leads: [市教育局, 市卫生健康委, 市民政厅]",
    );
    const file = write("gbk.yaml", iconv.encode(broken, "gbk"));
    const validated = await cli("validate", file);
    expect(validated.code).toBe(2);
    expect(validated.stderr[0]).toMatch(
      /^gbk\.yaml:\d+:\d+: measures\[9\]\.leads\[2\]: unknown department "市民政厅": add it to departments/,
    );
    expect(validated.stdout).toEqual([
      "gbk.yaml: warning: read as GB18030 (it is not UTF-8): save it as UTF-8",
    ]);
    expect(`${validated.stdout}${validated.stderr}`).not.toContain("\uFFFD");

    const valid = write("gbk-valid.yaml", iconv.encode(NANYANG, "gbk"));
    const ok = await cli("validate", valid);
    expect(ok.code).toBe(0);
    expect(ok.stdout.at(-1)).toBe(
      "gbk-valid.yaml: valid (21 measures, 22 departments, 13 counties; 1 warning)",
    );
  });
});
