import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "../../../src/adapters/db/append-audit-event.ts";
import { verifyAuditChain } from "../../../src/adapters/db/verify-audit-chain.ts";
import { auditEventHash } from "../../../src/domain/audit/audit-hash.ts";
import type { NewProgressReport } from "../../../src/domain/ports/supervision-store.ts";
import type { Person } from "../../../src/domain/supervision/supervision-types.ts";
import {
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局

// saveReport writes the report, its task and the audit event in one statement (the audit event appended by the
// database function duban_append_audit_event): these check it against what the interactive transaction did.
describe.each(testDatabaseTargets())("the report store's single-statement saveReport on %s", (target) => {
  let f: SupervisionFixture;
  let person: Person;
  let taskIds: string[];
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    person = await f.makeContact(zhang, "市人力资源社会保障局");
    const tasks = await f.db.prisma.task.findMany({ select: { id: true }, take: 24, orderBy: { id: "asc" } });
    taskIds = tasks.map((task) => task.id);
  }, 180_000);
  afterAll(async () => {
    await f?.db.drop();
  });

  const newReport = (
    taskId: string,
    at: Date,
    extra: Partial<NewProgressReport> = {},
  ): NewProgressReport => ({
    id: randomUUID(),
    taskId,
    authorId: person.id,
    status: "IN_PROGRESS",
    percent: 40,
    done: "已组织招聘会",
    nextSteps: null,
    blocker: null,
    evidence: [],
    evidenceFiles: [],
    rawText: "推进中 40%",
    source: "THREAD_REPLY",
    chatChannel: "DZHANG",
    chatTs: `${at.getTime() / 1000}`,
    chatEventId: `Ev${randomUUID()}`,
    createdAt: at,
    ...extra,
  });
  const save = (report: NewProgressReport, before = { status: "NOT_STARTED", percent: 0 }) =>
    f.store.saveReport(
      report,
      {
        taskId: report.taskId,
        status: report.status,
        percent: report.percent ?? 0,
        lastReportAt: report.createdAt,
      },
      {
        actor: person.id,
        action: "report.create",
        subjectType: "task",
        subjectId: report.taskId,
        before,
        after: { status: report.status, percent: report.percent, reportId: report.id, source: report.source },
        at: report.createdAt,
      },
    );

  it("stores the report as given, updates the task and appends an event hashed as auditEventHash hashes it", async () => {
    const taskId = taskIds[0] as string;
    const at = new Date("2026-11-20T02:00:00.123Z");
    await f.db.prisma.task.update({
      where: { id: taskId },
      data: { status: "AWAITING_APPROVAL", approvedAt: at, approvedById: person.id },
    });
    const evidence = ["https://a.cn/x?a=1,2", 'say "hi"', "{braces}", "反斜杠 \\ 与 , 逗号", ""];
    const report = newReport(taskId, at, { evidence, blocker: "缺 \u0001 人", nextSteps: null });
    const saved = await save(report);
    expect(saved.duplicate).toBe(false);
    const stored = await f.store.findReport(report.id);
    expect(stored).toEqual(saved.report);
    expect(stored).toEqual({ ...report, editedAt: null, withdrawnAt: null });
    const task = await f.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({
      status: "IN_PROGRESS",
      percent: 40,
      lastReportAt: at,
      approvedAt: null,
      approvedById: null,
    });
    const [event, previous] = await f.db.prisma.auditEvent.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(event).toMatchObject({ action: "report.create", subjectId: taskId, at, prevHash: previous?.hash });
    expect(event?.hash).toBe(auditEventHash(event as NonNullable<typeof event>, previous?.hash ?? null));
    expect(await verifyAuditChain(f.db.prisma)).toMatchObject({ intact: true, unchained: 0 });
  });

  it("a re-delivered event (same chatEventId) stores nothing: no second report, no task change, no audit event", async () => {
    const taskId = taskIds[1] as string;
    const first = newReport(taskId, new Date("2026-11-20T03:00:00.000Z"));
    await save(first);
    const events = await f.db.prisma.auditEvent.count();
    const again = await save({ ...first, id: randomUUID(), percent: 90 });
    expect(again).toEqual({ duplicate: true, report: { ...first, editedAt: null, withdrawnAt: null } });
    expect(await f.db.prisma.auditEvent.count()).toBe(events);
    expect(await f.db.prisma.progressReport.count({ where: { taskId } })).toBe(1);
    expect((await f.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).percent).toBe(40);
  });

  it("a report on a task that does not exist is refused and writes nothing", async () => {
    const events = await f.db.prisma.auditEvent.count();
    await expect(save(newReport(randomUUID(), new Date("2026-11-20T03:00:00.000Z")))).rejects.toThrow();
    expect(await f.db.prisma.auditEvent.count()).toBe(events);
  });

  it("reports saved concurrently with other appends (the transaction path) keep the chain one line", async () => {
    const reports = taskIds
      .slice(2)
      .map((taskId, n) => newReport(taskId, new Date(Date.UTC(2026, 10, 21, 2, 0, n))));
    const appends = Array.from({ length: 8 }, (_, n) =>
      f.db.prisma.$transaction((tx) =>
        appendAuditEvent(tx, {
          actor: "test",
          action: "concurrent",
          subjectType: "task",
          subjectId: String(n),
          after: { n },
        }),
      ),
    );
    const saves = reports.map((report) => save(report));
    const sameTask = taskIds
      .slice(2, 6)
      .map((taskId, n) => save(newReport(taskId, new Date(Date.UTC(2026, 10, 22, 2, 0, n)))));
    await Promise.all([...saves, ...appends, ...sameTask]);
    expect(await f.db.prisma.auditEvent.count({ where: { action: "report.create" } })).toBe(
      2 + reports.length + sameTask.length,
    );
    const verdict = await verifyAuditChain(f.db.prisma);
    expect(verdict).toMatchObject({ intact: true, unchained: 0 });
  });

  it("evidence files are kept with the report in its own statement, each file once; revisions and addEvidenceFiles only add", async () => {
    const [other] = await f.db.prisma.task.findMany({
      select: { id: true },
      skip: 24,
      take: 1,
      orderBy: { id: "asc" },
    });
    const taskId = other?.id as string;
    const pdf = {
      fileId: "F0PDF",
      name: "进展报告.pdf",
      filetype: "pdf",
      mimetype: "application/pdf",
      permalink: "https://x.slack.com/files/U1/F0PDF/进展报告.pdf",
    };
    const photo = {
      fileId: "F0PNG",
      name: '现场 "照片", 1.png',
      filetype: "png",
      mimetype: null,
      permalink: null,
    };
    const at = new Date("2026-11-23T02:00:00.000Z");
    const report = newReport(taskId, at, { evidenceFiles: [pdf, photo, pdf] });
    const saved = await save(report);
    const stored = await f.store.findReport(report.id);
    expect(stored?.evidenceFiles).toEqual([pdf, photo]);
    expect(saved.report.id).toBe(report.id);
    expect(await f.db.prisma.evidenceFile.count({ where: { reportId: report.id } })).toBe(2);

    const again = await save({ ...report, id: randomUUID() });
    expect(again.duplicate).toBe(true);
    expect(again.report.evidenceFiles).toEqual([pdf, photo]);
    expect(await f.db.prisma.evidenceFile.count()).toBe(2);

    const later = new Date("2026-11-23T03:00:00.000Z");
    const xlsx = { fileId: "F0XLS", name: "台账.xlsx", filetype: "xlsx", mimetype: null, permalink: null };
    const audit = {
      actor: person.id,
      action: "report.evidence",
      subjectType: "report" as const,
      subjectId: report.id,
      at: later,
    };
    await f.store.addEvidenceFiles(report.id, [photo, xlsx], later, audit);
    const { status, percent, done, nextSteps, blocker, evidence, rawText } = report;
    const revision = { status, percent, done, nextSteps, blocker, evidence, rawText, editedAt: later };
    await f.store.reviseReport(report.id, { ...revision, evidenceFiles: [pdf, xlsx] }, null, {
      ...audit,
      action: "report.edit",
    });
    const [found] = await f.store.findReports([report.id, randomUUID()]);
    expect(found?.evidenceFiles.map((file) => file.fileId)).toEqual(["F0PDF", "F0PNG", "F0XLS"]);
    expect(await verifyAuditChain(f.db.prisma)).toMatchObject({ intact: true, unchained: 0 });
  });
});
