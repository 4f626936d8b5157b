import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { runDubanProcess } from "../../support/run-duban-process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "duban-shell-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
/** Files the contact shares with /attach. */
const PDF = join(dataDir, "进展报告.pdf");
const PHOTO = join(dataDir, "现场 照片.png");
writeFileSync(PDF, "%PDF-1.4 进展报告");
writeFileSync(PHOTO, "PNG 现场");

/** A whole reporting cycle, typed into `npm start` with no Slack configured. */
const SCRIPT = [
  "/clock set 2026-11-19 10:00",
  "/tick", // the first reminder, Friday 2026-11-20 09:30 (3 working days before the 25th)
  "/as 市农业农村局",
  "/inbox",
  "/press 1", // 填报进展 on measure (一): the form, field by field
  "2", // 推进中
  "60",
  "完成招标",
  "", // next steps: none
  "https://example.org/tender",
  "（二）已完成，销售渠道已打通", // free text in the reminder's thread
  `/attach ${PDF} （三）推进中 30%，完成选址`, // a file shared with a report
  `/attach "${PHOTO}"`, // a file shared alone: added to that report
  "/attach /no/such/file.pdf",
  "/duban remind 市农业农村局", // a contact may not urge
  "/frobnicate",
  "/as 演示督查员",
  "/inbox",
  "/press 1", // 办结
  "/tick", // the weekly digest, Monday 2026-11-23 09:00
  "/quit",
].join("\n");

async function query<T>(sql: string): Promise<T[]> {
  const db = await PGlite.create(join(dataDir, "pglite"));
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}

describe("npm start without Slack: the local shell", () => {
  it("lives a reporting cycle from piped commands: reminder, form and free-text reports, approval, digest", async () => {
    const env = { DUBAN_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const shell = runDubanProcess(["dist/main.js"], env, `${SCRIPT}\n`);
    expect(await shell.exited).toBe(0);
    const out = shell.output();
    expect(out).not.toMatch(/\n\s+at /);
    expect(out).toContain("Loading workflows/nanyang-relocation-2021.yaml");
    expect(out).toContain(`embedded, ${join(dataDir, "pglite")}`);
    expect(out).toMatch(/当前身份 +演示督查员 \(督查人员\)/);

    // the tick: the first reminder, one DM per contact; the piped commands echoed after their prompts
    expect(out).toContain("演示督查员> /tick\n⏰ 2026-11-20 09:30 周五 (Asia/Shanghai)  first");
    expect(out).toMatch(/→ DM to 演示联络员·市农业农村局: 报送提醒：2026年11月/);
    // acting as the contact: the reminder in full, buttons numbered; the form prompted field by field
    expect(out).toContain("有 1 条未读督办私信：/inbox 查看。");
    expect(out).toMatch(
      /← DM from Duban:\n {2}报送提醒：2026年11月[\s\S]*（一）做大做强安置点周边优势特色产业 · 市农业农村局\n.*\[1\] 填报进展/,
    );
    expect(out).toContain("  状态> 2\n");
    expect(out).toMatch(
      /✎ 已记录进展：（一）做大做强安置点周边优势特色产业 · 市农业农村局\n {2}状态：推进中 60%/,
    );
    // the free-text reply in the reminder's thread: read, stored, sent to the supervisors for approval
    expect(out).toContain("✎ 已记录进展：（二）积极拓宽安置点所在地农产品销售渠道 · 市农业农村局");
    expect(out).toMatch(/→ DM to 演示督查员:\n {2}⇩ 待审核办结：（二）/);
    // files shared with /attach are kept as evidence, as in Slack
    expect(out).toMatch(/✎ 已记录进展：（三）[^\n]*\n {2}状态：推进中 30%[\s\S]*佐证材料：进展报告\.pdf/);
    expect(out).toMatch(/✎ 已补充佐证材料：（三）[\s\S]*佐证材料：进展报告\.pdf 现场 照片\.png/);
    expect(out).toContain("✗ 找不到文件：/no/such/file.pdf");
    const files = await query<{ name: string; filetype: string; permalink: string }>(
      `select f.name, f.filetype, f.permalink from "EvidenceFile" f order by f."addedAt", f.name`,
    );
    expect(files.map((file) => [file.name, file.filetype])).toEqual([
      ["进展报告.pdf", "pdf"],
      ["现场 照片.png", "png"],
    ]);
    expect(readFileSync(new URL(String(files[1]?.permalink)), "utf8")).toBe("PNG 现场"); // the kept copy
    // mistakes get one line
    expect(out).toContain("✗ 只有督查人员或管理员可以催办。");
    expect(out).toContain("✗ 不认识的命令 /frobnicate。输入 /help 查看可用命令。");
    // the supervisor approves from the DM
    expect(out).toMatch(/\[1\] 办结 {2}\[2\] 退回/);
    expect(out).toMatch(/✓ 已办结：（二）积极拓宽安置点所在地农产品销售渠道 · 市农业农村局/);
    expect(out).toMatch(/→ DM to 演示联络员·市农业农村局:\n {2}✓ 已办结：（二）/);
    // the next tick: the weekly digest, with the approval in it
    expect(out).toContain("⏰ 2026-11-23 09:00 周一 (Asia/Shanghai)  digest");
    expect(out).toContain("→ #督办周报:");
    expect(out).toMatch(/本周办结（1）\n {4}（二）积极拓宽安置点所在地农产品销售渠道 · 市农业农村局/);
    // its chart, drawn and saved where the shell keeps files, the path shown under the digest
    const chartPath = join(dataDir, "exports", "督办周报-2026-W48.png");
    expect(out).toContain(`📈 进展图已保存：${chartPath}`);
    const png = readFileSync(chartPath);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);

    const reports = await query<{
      measure: number;
      status: string;
      percent: number | null;
      done: string;
      evidence: string[];
      source: string;
      chatChannel: string | null;
    }>(
      `select m.number as measure, r.status, r.percent, r.done, r.evidence, r.source, r."chatChannel"
         from "ProgressReport" r join "Task" t on t.id = r."taskId" join "Measure" m on m.id = t."measureId"
        where t."departmentId" = 'city-agriculture' order by m.number`,
    );
    expect(reports).toEqual([
      {
        measure: 1,
        status: "IN_PROGRESS",
        percent: 60,
        done: "完成招标",
        evidence: ["https://example.org/tender"],
        source: "SHELL",
        chatChannel: null,
      },
      {
        measure: 2,
        status: "AWAITING_APPROVAL",
        percent: 100,
        done: "（二）已完成，销售渠道已打通",
        evidence: [],
        source: "SHELL",
        chatChannel: "shell-dm:demo-contact-city-agriculture",
      },
      {
        measure: 3,
        status: "IN_PROGRESS",
        percent: 30,
        done: "（三）推进中 30%，完成选址",
        evidence: [],
        source: "SHELL",
        chatChannel: "shell-dm:demo-contact-city-agriculture",
      },
    ]);
    const tasks = await query<{ measure: number; status: string; approved: boolean }>(
      `select m.number as measure, t.status, t."approvedAt" is not null as approved
         from "Task" t join "Measure" m on m.id = t."measureId"
        where t."departmentId" = 'city-agriculture' and m.number in (1, 2) order by m.number`,
    );
    expect(tasks).toEqual([
      { measure: 1, status: "IN_PROGRESS", approved: false },
      { measure: 2, status: "DONE", approved: true },
    ]);
    const demo = await query<{ n: number }>(
      `select count(*)::int as n from "Person" where "isDemo" and platform = 'shell'`,
    );
    expect(demo[0]?.n).toBe(25);
    const runs = await query<{ slot: string }>(
      `select slot from "JobRun" where "finishedAt" is not null order by slot`,
    );
    expect(runs.map((run) => run.slot)).toEqual(
      expect.arrayContaining(["digest:2026-W48", "reminder:2026-11:first"]),
    );
    const approvals = await query<{ n: number }>(
      `select count(*)::int as n from "AuditEvent" where action = 'task.approve'`,
    );
    expect(approvals[0]?.n).toBe(1);

    // the same records as Slack: `duban status` shows the shell's report
    const status = runDubanProcess(["bin/duban.js", "status", "--json"], env);
    expect(await status.exited).toBe(0);
    const json = JSON.parse(status.output().slice(status.output().indexOf("{"))) as {
      tasks: Array<{
        measure: { number: number };
        department: { id: string };
        statusText: string;
        lastReport: { author: string; done: string } | null;
      }>;
    };
    const first = json.tasks.find(
      (task) => task.measure.number === 1 && task.department.id === "city-agriculture",
    );
    expect(first).toMatchObject({
      statusText: "推进中 60%",
      lastReport: { author: "演示联络员·市农业农村局", done: "完成招标" },
    });
  }, 240_000);

  it("starts again on the same database without loading the plan twice, and ends at the end of input", async () => {
    const env = { DUBAN_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const shell = runDubanProcess(["dist/main.js"], env, "/as 市农业农村局\n/duban tasks\n");
    expect(await shell.exited).toBe(0);
    const out = shell.output();
    expect(out).not.toContain("Loading workflows/");
    expect(out).toContain("演示联络员·市农业农村局> /duban tasks\n我的任务（7）");
    const demo = await query<{ n: number }>(`select count(*)::int as n from "Person" where "isDemo"`);
    expect(demo[0]?.n).toBe(25);
  }, 120_000);

  it("shows a supervisor the scorecard and saves the ledger of /duban export in DUBAN_DATA_DIR/exports", async () => {
    const env = { DUBAN_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const shell = runDubanProcess(["dist/main.js"], env, "/duban assess 2026-Q4\n/duban export 2026-Q4\n");
    expect(await shell.exited).toBe(0);
    const out = shell.output();
    expect(out).not.toMatch(/\n\s+at /);
    expect(out).toMatch(/督查考核评分：2026年第四季度\n[\s\S]*\n {2}排名 {2}单位 +得分 {2}按时报送/);
    const ledger = join(dataDir, "exports", "督办台账-nanyang-relocation-2021-2026-Q4.xlsx");
    expect(out).toContain(`✓ 文件已保存：${ledger}\n`);
    expect(readFileSync(ledger).subarray(0, 2).toString()).toBe("PK"); // an xlsx is a zip
  }, 120_000);
});
