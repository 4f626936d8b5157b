import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentPorts } from "../../../src/adapters/assessment/create-assessment-ports.ts";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { appendAuditEvent } from "../../../src/adapters/db/append-audit-event.ts";
import { verifyAuditChain } from "../../../src/adapters/db/verify-audit-chain.ts";
import type { ScorecardMessage } from "../../../src/domain/messages/scorecard-message.ts";
import {
  createSupervisionCore,
  type SupervisionCore,
} from "../../../src/services/core/create-supervision-core.ts";
import {
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const zhao = slackUser("UZHAO", "督查员赵"); // supervisor

describe.each(testDatabaseTargets())("assessment, ledger and audit chain on %s", (target) => {
  let f: SupervisionFixture;
  let core: SupervisionCore;
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    const calendar = await loadWorkingDayCalendar();
    core = createSupervisionCore({
      store: f.store,
      notifier: f.notifier,
      clock: f.clock,
      calendar,
      admins: ["UADMIN"],
      assessment: createAssessmentPorts(f.db.prisma),
    });
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeSupervisor(zhao);
    f.clock.set("2026-10-20T02:00:00.000Z"); // 10:00 in Nanyang, before October's due day (Friday 10-23)
    await core.recordReply({
      user: zhang,
      text: "（五）推进中，完成约七成，已组织招聘会",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
    });
    f.clock.set("2026-11-26T02:00:00.000Z");
    await core.runCommand(zhao, "remind 人力资源社会保障局");
    f.clock.set("2026-11-30T02:00:00.000Z");
  }, 180_000);
  afterAll(async () => {
    await f?.db.drop();
  });

  it("/duban assess 2026-Q4 gives supervisors the scorecard; a contact is refused", async () => {
    const outcome = await core.runCommand(zhao, "assess 2026-Q4");
    const message = outcome.replies[0] as ScorecardMessage;
    expect(message.kind).toBe("scorecard");
    expect(message.title).toBe("督查考核评分：2026年第四季度");
    expect(message.departments).toHaveLength(22);
    expect(message.counties).toHaveLength(13);
    const hr = message.departments.find((row) => row.name === "市人力资源社会保障局");
    // Measure (五) was reported on time in October, not in November; the department's other tasks never were.
    expect(hr?.figures).toMatch(
      /^按时 1\/\d+ · 完整 0\/1 · 办结 0\/\d+ · 逾期 \d+ 工作日 · 受阻 0 工作日 · 催办 \d+$/,
    );
    expect(message.formula).toContain("0.35×按时报送率");

    const refused = await core.runCommand(zhang, "考核 2026-Q4");
    expect(refused.replies[0]).toMatchObject({
      kind: "notice",
      tone: "error",
      lines: ["只有督查人员或管理员可以查看考核评分。"],
    });
    const bad = await core.runCommand(zhao, "assess 2026-Q5");
    expect(bad.replies[0]).toMatchObject({ kind: "help" });
  });

  it("/duban export returns the Excel ledger: its sheets, headers, row counts and the audit chain head, re-read with exceljs", async () => {
    const outcome = await core.exportLedger(zhao, "2026-Q4");
    const [file] = outcome.attachments ?? [];
    expect(file?.name).toBe("督办台账-nanyang-relocation-2021-2026-Q4.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file?.bytes ?? []) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "任务台账",
      "进展记录",
      "催办记录",
      "考核评分",
      "说明",
    ]);
    const headers = (name: string, row = 1) =>
      ((book.getWorksheet(name)?.getRow(row).values ?? []) as unknown[]).slice(1);
    expect(headers("任务台账")).toEqual([
      "措施编号",
      "措施",
      "所属部分",
      "牵头部门",
      "县（市、区）",
      "状态",
      "状态灯",
      "进度（%）",
      "最近报送",
      "报送截止日",
      "办结时间",
      "任务编号",
    ]);
    expect(headers("进展记录").slice(0, 7)).toEqual([
      "报送时间",
      "措施",
      "牵头部门",
      "县（市、区）",
      "报送人",
      "状态",
      "完成比例（%）",
    ]);
    expect(headers("催办记录").slice(0, 3)).toEqual(["时间", "类型", "周期"]);
    expect(headers("考核评分", 3).slice(0, 4)).toEqual(["类别", "排名", "单位", "任务数"]);

    const sheet = (name: string) => book.getWorksheet(name) as ExcelJS.Worksheet;
    const reminders = await f.db.prisma.reminder.count();
    expect(sheet("任务台账").rowCount).toBe(1 + 1190);
    expect(sheet("进展记录").rowCount).toBe(1 + 1);
    expect(sheet("催办记录").rowCount).toBe(1 + reminders);
    expect(sheet("考核评分").rowCount).toBe(3 + 22 + 13);
    expect(sheet("任务台账").views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet("考核评分").views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    // Column widths fit their content, a Chinese character counting two.
    expect(sheet("任务台账").getColumn(4).width).toBeGreaterThanOrEqual(2 * "市人力资源社会保障局".length);
    // Dates in the plan's time zone: the report made at 02:00Z shows 10:00.
    const reportedAt = sheet("进展记录").getRow(2).getCell(1).value as Date;
    expect(reportedAt.toISOString()).toBe("2026-10-20T10:00:00.000Z");
    // The score is an Excel formula of the row's figures, with the computed result cached.
    const score = sheet("考核评分").getRow(4).getCell(17).value as { formula: string; result: number };
    expect(score.formula).toMatch(/^ROUND\(MAX\(0,MIN\(100,100\*\(0\.35\*G4\+0\.2\*J4\+0\.2\*L4\)\/0\.75/);
    // each row's cached result is its unit's score in /duban assess, in the same order (exceljs reads a cached
    // 0 back as no result)
    const card = (await core.runCommand(zhao, "assess 2026-Q4")).replies[0] as ScorecardMessage;
    const units = [...card.departments, ...card.counties];
    const cached = units.map((_, index) => {
      const row = sheet("考核评分").getRow(4 + index);
      return [row.getCell(3).value, (row.getCell(17).value as { result?: number }).result ?? 0];
    });
    expect(cached).toEqual(units.map((unit) => [unit.name, unit.score]));
    expect(sheet("考核评分").getRow(2).getCell(1).value).toContain("得分 = 100 ×");

    const verdict = await verifyAuditChain(f.db.prisma);
    expect(verdict.intact).toBe(true);
    const chainRow = sheet("说明")
      .getRows(2, 20)
      ?.find((row) => row.getCell(1).value === "审计链");
    expect(String(chainRow?.getCell(2).value)).toContain(`链头哈希 ${verdict.intact ? verdict.head : "?"}`);
  });

  it("appends from concurrent transactions queue on the advisory lock: the chain stays one line", async () => {
    const append = (n: number) =>
      f.db.prisma.$transaction((tx) =>
        appendAuditEvent(tx, {
          actor: "test",
          action: "concurrent",
          subjectType: "task",
          subjectId: String(n),
          after: { n },
        }),
      );
    await Promise.all(Array.from({ length: 12 }, (_, n) => append(n)));
    const verdict = await verifyAuditChain(f.db.prisma);
    expect(verdict).toMatchObject({ intact: true, unchained: 0 });
    expect(await f.db.prisma.auditEvent.count({ where: { action: "concurrent" } })).toBe(12);
  });

  it("every audit event is chained; an edited row is the first broken link", async () => {
    const before = await verifyAuditChain(f.db.prisma);
    expect(before).toMatchObject({ intact: true, unchained: 0 });
    const events = await f.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.length).toBeGreaterThan(3);
    expect(
      events.every((event, index) => event.prevHash === (index === 0 ? null : events[index - 1]?.hash)),
    ).toBe(true);
    const victim = events[2]?.id as bigint;
    await f.db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actor" = 'mallory' WHERE id = ${victim}`);
    expect(await verifyAuditChain(f.db.prisma)).toMatchObject({
      intact: false,
      brokenAt: victim,
      reason: expect.stringContaining("changed after it was written"),
    });
    await f.db.prisma.$executeRawUnsafe(
      `UPDATE "AuditEvent" SET "actor" = '${events[2]?.actor}' WHERE id = ${victim}`,
    );
    expect((await verifyAuditChain(f.db.prisma)).intact).toBe(true);
  });
});
