import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";
import { smallWorkflow } from "../fixtures/small-workflow.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";

/** The loads' clock: far from the machine's date, so a stamp from the database or the machine would show. */
const FIRST_LOAD = new Date("2021-07-01T09:00:00+08:00");
const EDITED_LOAD = new Date("2021-08-02T10:30:00+08:00");

describe.each(testDatabaseTargets())("loadWorkflow on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const load = (workflow = smallWorkflow(), dryRun = false, loadedAt = FIRST_LOAD) =>
    loadWorkflow({
      workflow,
      file: { path: "workflows/sample.yaml", hash: "h1" },
      store: createPrismaPlanStore(db.prisma),
      dryRun,
      actor: "test",
      loadedAt,
    });

  it("a dry run writes nothing", async () => {
    const result = await load(smallWorkflow(), true);
    expect(result.counts.tasks.added).toBe(9);
    expect(result.written).toBe(false);
    expect(await db.prisma.plan.count()).toBe(0);
  });

  it("loads plan, departments, measures, leads and tasks, with an audit event", async () => {
    const result = await load();
    expect(result.written).toBe(true);
    expect(await db.prisma.task.count()).toBe(9);
    expect(await db.prisma.department.count()).toBe(10);
    const measure = await db.prisma.measure.findFirstOrThrow({
      where: { number: 2 },
      include: { leads: { orderBy: { position: "asc" } }, section: true },
    });
    expect(measure.leads.map((l) => [l.departmentId, l.role])).toEqual([
      ["pbc-city", "LEAD"],
      ["city-stats", "COOPERATE"],
    ]);
    expect(measure.section?.label).toBe("二、");
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "plan.load" } });
    expect(audit).toHaveLength(1);
  });

  it("stamps the plan, its tasks and the audit event with the loader's clock, not the database's", async () => {
    const plan = await db.prisma.plan.findFirstOrThrow();
    expect(plan.createdAt).toEqual(FIRST_LOAD);
    const stamps = await db.prisma.task.findMany({ select: { createdAt: true }, distinct: ["createdAt"] });
    expect(stamps).toEqual([{ createdAt: FIRST_LOAD }]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.load" } });
    expect(audit.at).toEqual(FIRST_LOAD);
  });

  it("loading the same workflow again changes nothing", async () => {
    const result = await load();
    expect(result.written).toBe(false);
    for (const counts of Object.values(result.counts))
      expect(counts).toEqual({ added: 0, restored: 0, updated: 0, archived: 0 });
    expect(await db.prisma.auditEvent.count({ where: { action: "plan.load" } })).toBe(1);
  });

  it("an edited workflow updates texts and leads, archives what it dropped, and keeps progress reports", async () => {
    const task = await db.prisma.task.findFirstOrThrow({
      where: { departmentId: "city-finance", measure: { number: 1 } },
    });
    const person = await db.prisma.person.create({
      data: { platform: "test", externalId: "u1", displayName: "张三" },
    });
    await db.prisma.progressReport.create({
      data: {
        taskId: task.id,
        authorId: person.id,
        status: "IN_PROGRESS",
        percent: 40,
        done: "完成调研",
        source: "CLI",
      },
    });

    const edited = smallWorkflow();
    const first = edited.measures[0];
    if (!first) throw new Error("fixture");
    first.text = "发展特色产业（修订）。";
    first.leads = ["市农业农村局"];
    const result = await load(edited, false, EDITED_LOAD);
    expect(result.counts.measures.updated).toBe(1);
    expect(result.counts.tasks.archived).toBe(3);

    const measure = await db.prisma.measure.findFirstOrThrow({ where: { number: 1 } });
    expect(measure.text).toBe("发展特色产业（修订）。");
    const archived = await db.prisma.task.findUniqueOrThrow({
      where: { id: task.id },
      include: { reports: true },
    });
    expect(archived.archivedAt).toEqual(EDITED_LOAD);
    expect(archived.reports).toHaveLength(1);

    const restored = await load();
    expect(restored.counts.tasks.restored).toBe(3);
    const back = await db.prisma.task.findUniqueOrThrow({
      where: { id: task.id },
      include: { reports: true },
    });
    expect(back.archivedAt).toBeNull();
    expect(back.reports[0]?.percent).toBe(40);
  });
});
