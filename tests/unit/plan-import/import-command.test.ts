import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.ts";
import { buildDocx } from "../../support/build-docx.ts";
import { type RecordingCliIo, recordingCliIo } from "../../support/recording-cli-io.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const SEED = "workflows/sources/nanyang-relocation-2021.txt";
const CURATED = join(REPO, "workflows/nanyang-relocation-2021.yaml");

let cwd: string;
let io: RecordingCliIo;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "duban-import-"));
  mkdirSync(join(cwd, "workflows/sources"), { recursive: true });
  copyFileSync(join(REPO, SEED), join(cwd, SEED));
  io = recordingCliIo(cwd);
});

describe("duban import --json", () => {
  it("prints the plan and its measures in the documented shape, and writes nothing", async () => {
    expect(await runCli(["import", SEED, "--json"], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join("\n"));
    expect(printed.plan).toMatchObject({
      title: expect.any(String),
      issuer: "南阳市发展和改革委员会办公室",
      issuedOn: "2021-10-08",
      basisDocument: "豫发改振兴〔2021〕781 号",
      countiesImplement: true,
      recipients: expect.arrayContaining(["有关县发展改革委"]),
      copies: ["有关县人民政府"],
    });
    expect(printed.measures).toHaveLength(21);
    expect(Object.keys(printed.measures[0])).toEqual([
      "number",
      "label",
      "section",
      "title",
      "text",
      "leadDepartments",
      "cooperatingDepartments",
      "needsAssignment",
      "suggestedDepartments",
      "indicators",
      "group",
      "note",
      "timeLimit",
      "deadline",
    ]);
    expect(printed.measures[0]).toMatchObject({
      number: 1,
      label: "（一）",
      section: "二、因地制宜推动安置点后续产业发展更可持续",
      title: "做大做强安置点周边优势特色产业",
      leadDepartments: ["市农业农村局", "市发展改革委", "市乡村振兴局", "市文化广电和旅游局", "市林业局"],
      needsAssignment: false,
    });
    expect(printed.measures[3].indicators).toEqual([
      { value: 800, unit: "人", qualifier: "以上", clause: "在 800 人以上安置点设立就业服务站" },
    ]);
    expect(printed.warnings.some((warning: string) => warning.startsWith("no title found"))).toBe(true);
    expect(existsSync(join(cwd, "workflows/nanyang-relocation-2021.yaml"))).toBe(false);
  });

  it("works from the duban binary", () => {
    const result = spawnSync(process.execPath, [join(REPO, "bin/duban.js"), "import", SEED, "--json"], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).measures).toHaveLength(21);
  });
});

describe("duban import to a workflow file", () => {
  it("writes workflows/<name>.yaml that validates, its warnings on top, and never overwrites it", async () => {
    expect(await runCli(["import", SEED], io)).toBe(0);
    expect(io.stdout).toContain("wrote workflows/nanyang-relocation-2021.yaml");
    expect(io.stdout[1]).toBe("  17 with leads, 4 need assignment: （十八） （十九） （二十） （二十一）");
    expect(io.stderr.every((line) => line.startsWith("warning: "))).toBe(true);
    const written = readFileSync(join(cwd, "workflows/nanyang-relocation-2021.yaml"), "utf8");
    expect(written).toMatch(/^# Imported by `duban import workflows\/sources\/nanyang-relocation-2021.txt`/);
    expect(written).toContain("# - measure （二十一） 强化督查考核 has no lead clause");
    expect(written).toContain("  source: workflows/sources/nanyang-relocation-2021.txt\n");

    const check = recordingCliIo(cwd);
    expect(await runCli(["validate", "workflows/nanyang-relocation-2021.yaml"], check)).toBe(0);
    expect(check.stdout.at(-1)).toBe(
      "workflows/nanyang-relocation-2021.yaml: valid (21 measures, 22 departments, 0 counties; 5 warnings)",
    );

    const again = recordingCliIo(cwd);
    expect(await runCli(["import", SEED], again)).toBe(2);
    expect(again.stderr).toEqual([
      "duban: workflows/nanyang-relocation-2021.yaml already exists: give another --out, or --force to replace it",
    ]);
    expect(readFileSync(join(cwd, "workflows/nanyang-relocation-2021.yaml"), "utf8")).toBe(written);
    expect(await runCli(["import", SEED, "--force"], recordingCliIo(cwd))).toBe(0);
  });

  it("reuses the curated Nanyang directory: every lead keeps its curated department id", async () => {
    const args = ["import", SEED, "--out", "workflows/again.yaml", "--departments", CURATED];
    expect(await runCli(args, io)).toBe(0);
    expect(io.stderr.join("\n")).not.toMatch(/no English id|counterpart/);
    const check = recordingCliIo(cwd);
    expect(await runCli(["validate", "workflows/again.yaml"], check)).toBe(0);
    expect(check.stdout.at(-1)).toBe(
      "workflows/again.yaml: valid (21 measures, 22 departments, 13 counties; 4 warnings)",
    );
    expect(readFileSync(join(cwd, "workflows/again.yaml"), "utf8")).toContain("- id: pbc-nanyang\n");
  });

  it("refuses a file name that cannot be a workflow id", async () => {
    copyFileSync(join(cwd, SEED), join(cwd, "南阳方案.txt"));
    expect(await runCli(["import", "南阳方案.txt"], io)).toBe(2);
    expect(io.stderr).toEqual([
      'duban: "南阳方案" cannot be a workflow id: give --id with lowercase ASCII letters, digits and dashes',
    ]);
    expect(await runCli(["import", "南阳方案.txt", "--id", "nanyang"], recordingCliIo(cwd))).toBe(0);
    expect(existsSync(join(cwd, "workflows/南阳方案.yaml"))).toBe(true);
  });
});

describe("duban import on bad input", () => {
  const cases: [string, (dir: string) => Promise<void> | void, string][] = [
    ["a missing file", () => undefined, "duban: cannot read plan.txt: no such file"],
    ["an empty file", (dir) => writeFileSync(join(dir, "plan.txt"), ""), "duban: plan.txt is empty"],
    [
      "a blank file",
      (dir) => writeFileSync(join(dir, "plan.txt"), " \n\n\u3000\n"),
      "duban: plan.txt is empty",
    ],
    [
      "a binary file",
      (dir) =>
        writeFileSync(
          join(dir, "plan.txt"),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        ),
      "duban: plan.txt is not a text document (it looks binary): give a .txt or .docx file",
    ],
    [
      "a text in an unknown encoding",
      (dir) =>
        writeFileSync(join(dir, "plan.txt"), Buffer.from("Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.\n", "latin1")),
      "duban: cannot read plan.txt: it is neither UTF-8 nor GB18030/GBK",
    ],
    [
      "a text with no numbered measure",
      (dir) => copyFileSync(join(REPO, "tests/fixtures/plans/no-measures.txt"), join(dir, "plan.txt")),
      'duban: found no numbered measures such as "（一）…" or "1." and no task-division table (重点任务分工表) in plan.txt',
    ],
    [
      "a directory",
      (dir) => mkdirSync(join(dir, "plan.txt")),
      "duban: cannot read plan.txt: it is a directory",
    ],
  ];

  it.each(cases)("gives one clear line and exit code 2 for %s", async (_, prepare, message) => {
    await prepare(cwd);
    expect(await runCli(["import", "plan.txt"], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]?.startsWith(message)).toBe(true);
    expect(io.stdout).toEqual([]);
  });

  it("refuses a .docx that is not one, and a .doc", async () => {
    writeFileSync(join(cwd, "plan.docx"), "not a zip file at all");
    expect(await runCli(["import", "plan.docx"], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^duban: cannot read plan\.docx: not a readable \.docx file \(.+\)$/);
    writeFileSync(join(cwd, "old.doc"), "x");
    const old = recordingCliIo(cwd);
    expect(await runCli(["import", "old.doc"], old)).toBe(2);
    expect(old.stderr).toEqual([
      "duban: cannot read old.doc: .doc files are not supported; save it as .docx or .txt",
    ]);
  });

  it("refuses a .docx with no numbered measure the same way", async () => {
    writeFileSync(join(cwd, "plan.docx"), await buildDocx(["关于开会的通知", "请准时参加。"]));
    expect(await runCli(["import", "plan.docx"], io)).toBe(2);
    expect(io.stderr).toEqual([
      'duban: found no numbered measures such as "（一）…" or "1." and no task-division table (重点任务分工表) in plan.docx',
    ]);
  });

  it("gives exit code 2 and one line from the binary too", () => {
    const result = spawnSync(process.execPath, [join(REPO, "bin/duban.js"), "import", "no-such-plan.txt"], {
      cwd,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("duban: cannot read no-such-plan.txt: no such file\n");
  });
});
