import { describe, expect, it } from "vitest";
import { expandWorkflow } from "../../../src/domain/plan-load/expand-workflow.ts";
import {
  countChanges,
  hasChanges,
  planLoadChanges,
} from "../../../src/domain/plan-load/plan-load-changes.ts";
import type { StoredPlanState } from "../../../src/domain/plan-load/stored-plan-state.ts";
import { smallWorkflow } from "../../fixtures/small-workflow.ts";

const file = { path: "workflows/sample.yaml", hash: "abc" };

function storedFrom(workflow = smallWorkflow()): StoredPlanState {
  const desired = expandWorkflow(workflow, file);
  return {
    plan: desired.plan,
    departments: desired.departments.map((d) => ({ ...d, archived: false })),
    sections: desired.sections.map((s) => ({ ...s, archived: false })),
    measures: desired.measures.map((m) => ({
      ...m,
      archived: false,
      leads: m.leads.map((l) => ({ ...l, archived: false })),
    })),
    tasks: desired.tasks.map((t) => ({ ...t, archived: false })),
  };
}

describe("expandWorkflow", () => {
  const desired = expandWorkflow(smallWorkflow(), file);

  it("makes one county department per county counterpart and county", () => {
    const county = desired.departments.filter((d) => d.level === "COUNTY").map((d) => `${d.id} ${d.name}`);
    expect(county).toEqual([
      "city-agriculture@east 东县农业农村局",
      "city-agriculture@west 西县农业农村局",
      "city-finance@east 东县财政局",
      "city-finance@west 西县财政局",
      "pbc-city@east 人民银行东县支行",
      "pbc-city@west 人民银行西县支行",
    ]);
    expect(desired.departments.find((d) => d.id === "pbc-city")?.level).toBe("PROVINCE");
  });

  it("makes a task per measure × lead, plus one per county counterpart of each lead; none for cooperating units or unassigned measures", () => {
    const tasks = desired.tasks.map(
      (t) => `${t.measureNumber} ${t.departmentId}${t.isPrimary ? " primary" : ""}`,
    );
    expect(tasks).toEqual([
      "1 city-agriculture primary",
      "1 city-agriculture@east primary",
      "1 city-agriculture@west primary",
      "1 city-finance",
      "1 city-finance@east",
      "1 city-finance@west",
      "2 pbc-city primary",
      "2 pbc-city@east primary",
      "2 pbc-city@west primary",
    ]);
  });

  it("keeps cooperating units as leads with their role, after the leads", () => {
    expect(desired.measures[1]?.leads).toEqual([
      { departmentId: "pbc-city", position: 0, role: "LEAD" },
      { departmentId: "city-stats", position: 1, role: "COOPERATE" },
    ]);
  });

  it("splits section labels from titles", () => {
    expect(desired.sections).toEqual([
      { label: "二、", title: "产业发展", position: 1 },
      { label: "三、", title: "保障措施", position: 2 },
    ]);
  });

  it("makes no county tasks when county counterparts do not implement", () => {
    const workflow = smallWorkflow();
    workflow.plan.countiesImplement = false;
    const cityOnly = expandWorkflow(workflow, file);
    expect(cityOnly.tasks.every((t) => t.county === null)).toBe(true);
    expect(cityOnly.tasks).toHaveLength(3);
  });
});

describe("planLoadChanges", () => {
  it("adds everything to an empty database", () => {
    const empty: StoredPlanState = { plan: null, departments: [], sections: [], measures: [], tasks: [] };
    const counts = countChanges(planLoadChanges(expandWorkflow(smallWorkflow(), file), empty));
    expect(counts.tasks).toEqual({ added: 9, restored: 0, updated: 0, archived: 0 });
    expect(counts.departments.added).toBe(10);
    expect(counts.measures.added).toBe(3);
  });

  it("changes nothing when the database already holds the workflow", () => {
    const changes = planLoadChanges(expandWorkflow(smallWorkflow(), file), storedFrom());
    expect(hasChanges(changes)).toBe(false);
  });

  it("updates an edited text, archives a dropped lead and its tasks, restores a returning one", () => {
    const edited = smallWorkflow();
    const first = edited.measures[0];
    if (!first) throw new Error("fixture");
    first.text = "发展特色产业（修订）。";
    first.leads = ["市农业农村局"];
    const changes = planLoadChanges(expandWorkflow(edited, file), storedFrom());
    const counts = countChanges(changes);
    expect(counts.measures).toEqual({ added: 0, restored: 0, updated: 1, archived: 0 });
    expect(changes.leads.archived).toEqual(["1:city-finance"]);
    expect(changes.tasks.archived).toEqual(["1:city-finance", "1:city-finance@east", "1:city-finance@west"]);

    const archivedState = storedFrom();
    for (const task of archivedState.tasks)
      if (task.departmentId.startsWith("city-finance")) task.archived = true;
    const back = planLoadChanges(expandWorkflow(smallWorkflow(), file), archivedState);
    expect(back.tasks.restored.map((t) => t.departmentId)).toEqual([
      "city-finance",
      "city-finance@east",
      "city-finance@west",
    ]);
  });
});

describe("expandWorkflow with a collective local government as a lead", () => {
  function withCollective(counties: { id: string; name: string }[]) {
    const workflow = smallWorkflow();
    workflow.plan.countiesImplement = false;
    workflow.counties = counties;
    workflow.departments.push({
      id: "county-governments",
      name: "各县（市、区）人民政府",
      aliases: [],
      level: "county",
      collective: true,
    });
    const third = workflow.measures[2];
    if (!third) throw new Error("fixture");
    third.leads = ["市财政局", "各县（市、区）人民政府"];
    third.needsAssignment = false;
    return expandWorkflow(workflow, file);
  }

  it("gives each of the plan's counties a task, to its government, in the collective's place", () => {
    const desired = withCollective([
      { id: "east", name: "东县" },
      { id: "west", name: "西县" },
    ]);
    expect(desired.tasks.filter((t) => t.measureNumber === 3)).toEqual([
      { measureNumber: 3, departmentId: "city-finance", county: null, isPrimary: true },
      { measureNumber: 3, departmentId: "county-governments@east", county: "east", isPrimary: false },
      { measureNumber: 3, departmentId: "county-governments@west", county: "west", isPrimary: false },
    ]);
    expect(desired.departments.filter((d) => d.counterpartOfId === "county-governments")).toEqual([
      {
        id: "county-governments@east",
        name: "东县人民政府",
        aliases: [],
        level: "COUNTY",
        county: "east",
        counterpartOfId: "county-governments",
      },
      {
        id: "county-governments@west",
        name: "西县人民政府",
        aliases: [],
        level: "COUNTY",
        county: "west",
        counterpartOfId: "county-governments",
      },
    ]);
  });

  it("keeps one task on the collective itself when the plan lists no counties", () => {
    const desired = withCollective([]);
    expect(desired.tasks.filter((t) => t.measureNumber === 3).map((t) => t.departmentId)).toEqual([
      "city-finance",
      "county-governments",
    ]);
  });
});
