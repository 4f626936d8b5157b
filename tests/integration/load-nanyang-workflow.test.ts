import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { readPlanOverview } from "../../src/adapters/db/read-plan-overview.ts";
import { loadWorkflowFile } from "../../src/adapters/files/load-workflow-file.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";

const FILE = "workflows/nanyang-relocation-2021.yaml";

describe.each(testDatabaseTargets())("the Nanyang workflow on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const load = async () =>
    loadWorkflow({
      workflow: await loadWorkflowFile(FILE),
      file: { path: FILE, hash: "h" },
      store: createPrismaPlanStore(db.prisma),
      dryRun: false,
      actor: "test",
      loadedAt: new Date("2021-07-01T09:00:00+08:00"),
    });

  it("loads 21 measures with city and county tasks, and loading again changes nothing", async () => {
    const first = await load();
    expect(first.counts.measures.added).toBe(21);
    const cityTasks = await db.prisma.task.count({ where: { county: null } });
    const countyTasks = await db.prisma.task.count({ where: { county: { not: null } } });
    expect(countyTasks).toBe(cityTasks * 13); // every lead in the directory has a county counterpart
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: "nanyang-relocation-2021" } });
    expect(plan.schedule).toMatchObject({ cycle: "monthly", dueDay: 25 });
    expect(plan.timezone).toBe("Asia/Shanghai");

    const second = await load();
    expect(second.written).toBe(false);
    for (const counts of Object.values(second.counts))
      expect(counts).toEqual({ added: 0, restored: 0, updated: 0, archived: 0 });
  });

  it("lists each measure's leads in document order, primary first", async () => {
    const overview = await readPlanOverview(db.prisma, "nanyang-relocation-2021");
    const first = overview.measures[0];
    expect(first?.leads.map((l) => l.department)).toEqual([
      "市农业农村局",
      "市发展改革委",
      "市乡村振兴局",
      "市文化广电和旅游局",
      "市林业局",
    ]);
    expect(first?.leads[0]?.primary).toBe(true);
    expect(overview.measures.find((m) => m.number === 21)?.basis).toBeTruthy();
    expect(overview.measures.every((m) => m.leads.length > 0)).toBe(true);
  });
});
