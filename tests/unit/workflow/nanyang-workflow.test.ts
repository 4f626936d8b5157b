import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectWorkflowFile } from "../../../src/adapters/files/inspect-workflow-file.ts";
import { parsePlanText } from "../../../src/domain/plan-import/parse-plan-text.ts";
import { resolveDepartment } from "../../../src/domain/workflow/resolve-department.ts";
import { workflowJsonSchema } from "../../../src/domain/workflow/workflow-json-schema.ts";
import type { Workflow } from "../../../src/domain/workflow/workflow-schema.ts";

const FILE = "workflows/nanyang-relocation-2021.yaml";
const { workflow: loaded, problems } = await inspectWorkflowFile(FILE);
const workflow = loaded as Workflow;
const measure = (label: string) => workflow.measures.find((candidate) => candidate.label === label);

describe("the curated Nanyang workflow", () => {
  it("validates with no error and no warning", () => {
    expect(problems).toEqual([]);
    expect(loaded).not.toBeNull();
  });

  it("resolves every lead, co-operating unit, suggestion and recipient to a department", () => {
    const names = workflow.measures.flatMap((m) => [
      ...m.leads,
      ...m.suggestedLeads,
      ...m.cooperating.map((c) => c.department),
    ]);
    expect(names.length).toBeGreaterThan(80);
    for (const name of [...names, ...workflow.plan.recipients]) {
      expect(resolveDepartment(workflow.departments, name), name).not.toBeNull();
    }
    const leadIds = new Set(
      workflow.measures.flatMap((m) => m.leads.map((name) => resolveDepartment(workflow.departments, name))),
    );
    expect(leadIds.size).toBe(22);
  });

  it("maps the recipients (主送) onto the city departments' county counterparts", () => {
    const ids = workflow.plan.recipients.map((name) => resolveDepartment(workflow.departments, name));
    expect(ids).toContain("city-housing");
    expect(resolveDepartment(workflow.departments, "有关县住房和城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(workflow.departments, "有关县团委")).toBe("city-youth-league");
    expect(resolveDepartment(workflow.departments, "人民银行各县、市、油田支行")).toBe("pbc-nanyang");
    expect(resolveDepartment(workflow.departments, "银保监各县监管组")).toBe("cbirc-nanyang");
    expect(resolveDepartment(workflow.departments, "有关县自然资源局")).toBe("city-natural-resources");
    expect(new Set(ids).size).toBe(21);
  });

  it("lists Nanyang's 13 county-level units, and every department has a county counterpart", () => {
    expect(workflow.plan.countiesImplement).toBe(true);
    expect(workflow.counties.map((county) => county.name)).toEqual([
      "南召县",
      "方城县",
      "西峡县",
      "镇平县",
      "内乡县",
      "淅川县",
      "社旗县",
      "唐河县",
      "新野县",
      "桐柏县",
      "邓州市",
      "卧龙区",
      "宛城区",
    ]);
    expect(workflow.departments.filter((department) => department.countyCounterpart === undefined)).toEqual(
      [],
    );
  });

  it("assigns (十八)-(二十一) by hand, each with its basis", () => {
    expect(measure("（十八）")?.leads).toEqual(["市发展改革委", "市乡村振兴局"]);
    expect(measure("（十九）")?.leads[0]).toBe("市财政局");
    expect(measure("（二十）")?.leads).toEqual(["人行南阳中心支行", "南阳银保监局"]);
    expect(measure("（二十一）")?.leads).toEqual(measure("（二十一）")?.suggestedLeads);
    for (const label of ["（十八）", "（十九）", "（二十）", "（二十一）"]) {
      expect(measure(label)?.needsAssignment).toBe(false);
      expect(measure(label)?.basis?.length ?? 0).toBeGreaterThan(20);
    }
    expect(measure("（二十一）")?.basis).toContain("市发展改革委同市乡村振兴局");
    expect(workflow.measures.filter((m) => m.basis !== undefined)).toHaveLength(4);
  });

  it("keeps measures (一)-(十七) exactly as the importer reads the source", () => {
    const source = readFileSync(workflow.plan.source, "utf8");
    const parsed = parsePlanText(source, workflow.plan.source);
    expect(workflow.measures).toHaveLength(parsed.measures.length);
    for (const [index, imported] of parsed.measures.entries()) {
      const curated = workflow.measures[index];
      expect(curated).toMatchObject({
        number: imported.number,
        label: imported.label,
        section: imported.section,
        title: imported.title,
        text: imported.text,
        indicators: imported.indicators,
      });
      if (!imported.needsAssignment) expect(curated?.leads).toEqual(imported.leadDepartments);
    }
  });

  it("points editors at the committed JSON Schema, which matches the schema in code", () => {
    expect(readFileSync(FILE, "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./workflow.schema.json",
    );
    const committed = JSON.parse(readFileSync("workflows/workflow.schema.json", "utf8"));
    // out of date? ./bin/duban.js validate --json-schema > workflows/workflow.schema.json
    expect(committed).toEqual(workflowJsonSchema());
  });
});
