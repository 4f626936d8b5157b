import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";
import { runDubanProcess } from "../../support/run-duban-process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "duban-schedule-cli-"));
const io = () => recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: dataDir });

describe("duban schedule / duban digest --print on the embedded database", () => {
  beforeAll(async () => {
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], io())).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("lists the next 10 firings with their working-day reasoning, and the outbox", async () => {
    const out = io();
    expect(await runCli(["schedule"], out)).toBe(0);
    const lines = out.stdout;
    // the CLI's clock in these tests: Monday 2026-11-16 10:00 (recordingCliIo's default)
    expect(lines[0]).toMatch(
      /^南阳市.*\(nanyang-relocation-2021\), Asia\/Shanghai; now 2026-11-16 Mon 10:00$/,
    );
    expect(lines[1]).toBe(
      "calendar: workflows/calendar/cn-workdays.yaml has the State Council notices for 2025, 2026",
    );
    // from 1 November, next year's missing notice is said up front
    expect(lines[2]).toBe(
      "⚠ 2027: statutory holidays only, 调休 not yet known — add the State Council notice: duban calendar import <notice.txt|.docx>",
    );
    const firings = lines.filter((line) => /^\d{4}-\d{2}-\d{2} \w{3} \d{2}:\d{2} /.test(line));
    expect(firings).toHaveLength(10);
    expect(firings.some((line) => /reminder:\d{4}-\d{2}:\w+.*working day/.test(line))).toBe(true);
    expect(firings.some((line) => /digest:\d{4}-W\d{2}.*weekly digest/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe("outbox: 0 pending, 0 sent, 0 dropped, 0 in doubt");
    const json = io();
    expect(await runCli(["schedule", "--count", "3", "--json"], json)).toBe(0);
    expect(JSON.parse(json.stdout.join("")).firings).toHaveLength(3);
  }, 60_000);

  it("prints this week's digest as Markdown from the database", async () => {
    const out = io();
    expect(await runCli(["digest", "--print"], out)).toBe(0);
    const markdown = out.stdout.join("\n");
    expect(markdown).toMatch(/^# 督办周报：.*（\d{4}-W\d{2}）/);
    expect(markdown).toContain("| （二十一）");
    expect(markdown).toContain("## 本期未报送的部门");
    expect(markdown).toContain("## 逾期任务");
  }, 60_000);

  it("renders the quarter's last digest with its 表扬 / 通报 lists, and writes its chart as a PNG", async () => {
    const out = io();
    const chart = join(dataDir, "chart.png");
    // Monday 2026-12-28 is the last digest of Q4; the Nanyang workflow puts the quarter's lists in it
    expect(await runCli(["digest", "--print", "--chart", chart, "--as-of", "2026-12-28"], out)).toBe(0);
    const markdown = out.stdout.join("\n");
    expect(markdown).toMatch(/^# 督办周报：.*（2026-W53）/);
    expect(markdown).toContain("## 2026年第四季度督查考核");
    expect(markdown).toMatch(/- \*\*表扬\*\*：/);
    expect(markdown).toContain("/duban assess 2026-Q4");
    expect(markdown).toContain("---\n\n> 日历提示：2027年的国务院节假日安排通知尚未导入");
    expect(out.stdout.at(-1)).toMatch(/^wrote the chart to .*chart\.png \(\d+ bytes\)$/);
    const png = readFileSync(chart);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // a week earlier is not the quarter's last digest: no lists
    const before = io();
    expect(await runCli(["digest", "--print", "--as-of", "2026-12-21"], before)).toBe(0);
    expect(before.stdout.join("\n")).not.toContain("季度督查考核");
  }, 60_000);

  it("refuses a bad count or a digest without --print with one line", async () => {
    const bad = io();
    expect(await runCli(["schedule", "--count", "0"], bad)).toBe(2);
    expect(bad.stderr).toEqual(["duban: --count takes a whole number from 1 to 200"]);
    const noPrint = io();
    expect(await runCli(["digest"], noPrint)).toBe(2);
    expect(noPrint.stderr).toHaveLength(1);
    const badDay = io();
    expect(await runCli(["digest", "--print", "--as-of", "12/28"], badDay)).toBe(2);
    expect(badDay.stderr).toEqual(['duban: --as-of "12/28": write a date as YYYY-MM-DD']);
  });

  it("takes the process's time from DUBAN_CLOCK (tests and demos) and refuses a bad one with one line", async () => {
    const env = { DUBAN_DATA_DIR: dataDir, DUBAN_CLOCK: "2027-02-05T08:00:00+08:00" };
    const child = runDubanProcess(["bin/duban.js", "schedule", "--count", "1"], env);
    expect(await child.exited).toBe(0);
    expect(child.output()).toMatch(/; now 2027-02-05 Fri 08:0\d\n/);
    const bad = runDubanProcess(["bin/duban.js", "schedule"], { ...env, DUBAN_CLOCK: "tomorrow" });
    expect(await bad.exited).toBe(2);
    expect(bad.output().trim()).toBe(
      "duban: invalid configuration: DUBAN_CLOCK: expected an ISO time with its offset, like 2027-01-04T09:30:00+08:00",
    );
  }, 60_000);
});
