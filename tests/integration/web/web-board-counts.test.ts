import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { boardSections } from "../../../src/domain/messages/build-board-message.ts";
import type { TaskItem } from "../../../src/domain/messages/message-types.ts";
import type { Person } from "../../../src/domain/supervision/supervision-types.ts";
import { loadPlanContext } from "../../../src/services/plans/load-plan-context.ts";
import { describeTasks } from "../../../src/services/tasks/describe-tasks.ts";
import {
  BOARD_PAGE_SIZE,
  readWebBoard,
  type WebBoardFilters,
  type WebReadDeps,
} from "../../../src/services/web/read-web-board.ts";
import { readWebDepartment, readWebMeasure } from "../../../src/services/web/read-web-pages.ts";
import { createSupervisionFixture, type SupervisionFixture } from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

/** Friday 2026-11-27 10:00 in Asia/Shanghai: two days after November's due day (the 25th). */
const NOW = "2026-11-27T02:00:00.000Z";
const NO_FILTER: WebBoardFilters = { department: null, county: null, light: null, only: null };

const supervisor: Person = {
  id: "00000000-0000-4000-8000-000000000001",
  platform: "slack",
  externalId: "USUP",
  displayName: "李督查",
  email: null,
  locale: "zh-CN",
  role: "SUPERVISOR",
  departmentIds: [],
};

/** The chat's task items for the same data: every task read, lights by describeTasks (the path chat takes). */
async function chatItems(deps: WebReadDeps, fx: SupervisionFixture) {
  const context = await loadPlanContext(deps, supervisor);
  const records = await fx.store.listTasks({ planId: context.directory.planId, withLastReport: true });
  const items = describeTasks(records, context.light, "zh", () => []);
  return {
    context,
    tasks: items.map((item, i) => ({
      ...item,
      departmentId: records[i]?.department.id ?? "",
      county: records[i]?.county ?? null,
    })),
  };
}

/** The web board's filters as the previous board applied them to every task item. */
function passes(task: TaskItem & { departmentId: string; county: string | null }, f: WebBoardFilters) {
  if (f.department !== null && task.departmentId !== f.department) return false;
  if (f.county !== null && (task.county ?? "city") !== f.county) return false;
  if (f.light !== null && task.light !== f.light) return false;
  if (f.only === "overdue" && task.lightReason !== "overdue") return false;
  if (f.only === "blocked" && task.status !== "BLOCKED") return false;
  return true;
}

describe.each(testDatabaseTargets())("the web board's counts at scale equal the chat's, on %s", (target) => {
  let fx: SupervisionFixture;
  let deps: WebReadDeps;

  beforeAll(async () => {
    fx = await createSupervisionFixture(target);
    fx.clock.set(NOW);
    deps = { store: fx.store, clock: fx.clock, calendar: await loadWorkingDayCalendar() };
    const author = await fx.db.prisma.person.create({
      data: { platform: "slack", externalId: "UAUTHOR", displayName: "王联络", role: "CONTACT" },
    });
    // mixed lights: every status; reports on many days, some just before or after midnight in Shanghai (a
    // plan-local day is not a UTC day); some tasks tracked only since after the due day (they owe nothing yet)
    await fx.db.prisma.$executeRawUnsafe(`
      WITH numbered AS (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "Task")
      UPDATE "Task" t SET
        "status" = (CASE n % 7 WHEN 0 THEN 'BLOCKED' WHEN 1 THEN 'NOT_STARTED' WHEN 2 THEN 'AWAITING_APPROVAL'
          WHEN 3 THEN 'DONE' ELSE 'IN_PROGRESS' END)::"TaskStatus",
        "percent" = (n * 11) % 100,
        "createdAt" = CASE WHEN n % 9 = 0 THEN TIMESTAMPTZ '2026-11-26 08:00:00+08' ELSE TIMESTAMPTZ '2026-09-01 09:00:00+08' END,
        "lastReportAt" = CASE WHEN n % 5 = 1 THEN NULL
          ELSE TIMESTAMPTZ '2026-11-27 00:10:00+08' - ((n * 3) % 45) * INTERVAL '1 day' - (n % 2) * INTERVAL '20 minutes'
        END
      FROM numbered WHERE numbered."id" = t."id"`);
    await fx.db.prisma.$executeRawUnsafe(`
      INSERT INTO "ProgressReport" ("id", "taskId", "authorId", "status", "percent", "done", "source", "createdAt")
      SELECT gen_random_uuid(), t."id", '${author.id}'::uuid, t."status", t."percent", '完成' || t."percent" || '%',
        'DIRECT_MESSAGE', t."lastReportAt"
      FROM "Task" t WHERE t."lastReportAt" IS NOT NULL`);
  }, 120_000);
  afterAll(async () => {
    await fx?.db.drop();
  });

  it("has a fixture of every light, overdue and blocked tasks, in counties and the city", async () => {
    const { tasks } = await chatItems(deps, fx);
    expect(tasks.length).toBe(1190);
    const reasons = new Set(tasks.map((task) => task.lightReason));
    for (const reason of ["blocked", "overdue", "not_started", "approval_waiting_long", "awaiting_approval"])
      expect(reasons, reason).toContain(reason);
    for (const light of ["green", "yellow", "red"] as const)
      expect(tasks.filter((task) => task.light === light).length, light).toBeGreaterThan(50);
    expect(tasks.some((task) => task.county === null)).toBe(true);
    expect(tasks.some((task) => task.county === "fangcheng")).toBe(true);
  });

  it("counts every measure's lights as the chat's board does", async () => {
    const { context, tasks } = await chatItems(deps, fx);
    const board = await readWebBoard(deps, supervisor, NO_FILTER);
    const chat = boardSections(context.directory.measures, tasks);
    const counts = (
      sections: ReadonlyArray<{ measures: ReadonlyArray<{ number: number; counts: unknown }> }>,
    ) => sections.flatMap((s) => s.measures.map((m) => ({ number: m.number, counts: m.counts })));
    expect(counts(board.sections)).toEqual(counts(chat));
    expect(board.totals).toEqual({
      green: tasks.filter((task) => task.light === "green").length,
      yellow: tasks.filter((task) => task.light === "yellow").length,
      red: tasks.filter((task) => task.light === "red").length,
    });
    expect(board.taskCount).toBe(1190);
    expect(board.counties.map((c) => c.id)).toEqual(
      [...new Set(tasks.flatMap((task) => (task.county === null ? [] : [task.county])))].sort(),
    );
  });

  it("filters counts and pages of tasks as the previous board did, task for task and in the same order", async () => {
    const { tasks } = await chatItems(deps, fx);
    const department = tasks.find((task) => task.county === "fangcheng")?.departmentId ?? "";
    const cases: WebBoardFilters[] = [
      NO_FILTER,
      { ...NO_FILTER, county: "fangcheng", light: "red" },
      { ...NO_FILTER, county: "city" },
      { ...NO_FILTER, light: "yellow" },
      { ...NO_FILTER, light: "green" },
      { ...NO_FILTER, only: "overdue" },
      { ...NO_FILTER, only: "blocked" },
      { ...NO_FILTER, department },
      { ...NO_FILTER, department, light: "green" },
      { ...NO_FILTER, county: "nowhere" },
    ];
    for (const filters of cases) {
      const expected = tasks.filter((task) => passes(task, filters));
      const label = JSON.stringify(filters);
      const pages = Math.max(1, Math.ceil(expected.length / BOARD_PAGE_SIZE));
      for (const page of new Set([1, 2, pages, pages + 3])) {
        const board = await readWebBoard(deps, supervisor, filters, page);
        expect(board.taskCount, label).toBe(expected.length);
        const shown = Math.min(page, pages);
        expect(board.page, label).toBe(shown);
        expect(board.tasks, `${label} page ${page}`).toEqual(
          expected.slice((shown - 1) * BOARD_PAGE_SIZE, shown * BOARD_PAGE_SIZE),
        );
        const byMeasure = new Map<number, { green: number; yellow: number; red: number }>();
        for (const task of expected) {
          const counts = byMeasure.get(task.measure.number) ?? { green: 0, yellow: 0, red: 0 };
          counts[task.light] += 1;
          byMeasure.set(task.measure.number, counts);
        }
        for (const measure of board.sections.flatMap((s) => s.measures))
          expect(measure.counts, `${label} ${measure.label}`).toEqual(
            byMeasure.get(measure.number) ?? { green: 0, yellow: 0, red: 0 },
          );
      }
    }
  });

  it("shows a contact every count but only their own department's tasks", async () => {
    const { tasks } = await chatItems(deps, fx);
    const department = tasks.find((task) => task.county === "fangcheng")?.departmentId ?? "";
    const contact: Person = { ...supervisor, role: "CONTACT", departmentIds: [department] };
    const filters: WebBoardFilters = { ...NO_FILTER, light: "red" };
    const asContact = await readWebBoard(deps, contact, filters);
    const asSupervisor = await readWebBoard(deps, supervisor, filters);
    expect(asContact.totals).toEqual(asSupervisor.totals);
    const own = tasks.filter((task) => task.departmentId === department && passes(task, filters));
    expect(asContact.seesAll).toBe(false);
    expect(asContact.taskCount).toBe(own.length);
    expect(asContact.tasks).toEqual(own.slice(0, BOARD_PAGE_SIZE));
  });

  it("pages a department's and a measure's tasks, the pages together the chat's list in its order", async () => {
    const { tasks } = await chatItems(deps, fx);
    const department = tasks.find((task) => task.county === "fangcheng")?.departmentId ?? "";
    const page = await readWebDepartment(deps, supervisor, department);
    if (typeof page === "string") throw new Error(page);
    expect(page.tasks).toEqual(tasks.filter((task) => task.departmentId === department));
    expect(page.taskCount).toBe(page.tasks.length);
    // a measure led by 230 more departments: three pages
    const measure = await fx.db.prisma.measure.findFirstOrThrow({
      where: { number: 1 },
      select: { id: true },
    });
    const extra = Array.from({ length: 230 }, (_, n) => `extra-${String(n).padStart(3, "0")}`);
    await fx.db.prisma.department.createMany({
      data: extra.map((id, n) => ({ id, name: `附加县第${n}局`, level: "COUNTY" as const })),
    });
    await fx.db.prisma.task.createMany({
      data: extra.map((departmentId) => ({ measureId: measure.id, departmentId, county: "fangcheng" })),
    });
    const all = (await chatItems(deps, fx)).tasks.filter((task) => task.measure.number === 1);
    expect(all.length).toBeGreaterThan(2 * BOARD_PAGE_SIZE);
    const pages = [];
    for (const n of [1, 2, 3]) {
      const measurePage = await readWebMeasure(deps, supervisor, 1, { taskPage: n });
      expect(measurePage?.taskPage).toBe(n);
      expect(measurePage?.taskCount).toBe(all.length);
      expect(measurePage?.recordTasks.length).toBe(all.length);
      pages.push(...(measurePage?.tasks ?? []));
    }
    expect(pages).toEqual(all);
    expect((await readWebMeasure(deps, supervisor, 1, { taskPage: 99 }))?.taskPage).toBe(3);
  });
});
