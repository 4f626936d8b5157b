import { describe, expect, it } from "vitest";
import { buildDirectory } from "../../../src/domain/workflow/build-directory.ts";
import { checkWorkflow } from "../../../src/domain/workflow/check-workflow.ts";
import { smallWorkflow } from "../../fixtures/small-workflow.ts";

describe("buildDirectory", () => {
  it("names departments after their kind and finds county counterparts in the recipients", () => {
    const { departments, warnings } = buildDirectory({
      names: ["市住房城乡建设局", "团市委", "人行南阳中心支行", "市住房城乡建设局"],
      recipients: ["有关县住房和城乡建设局", "有关县团委", "人民银行各县、市、油田支行"],
      countiesImplement: true,
      existing: [],
    });
    expect(departments).toEqual([
      {
        id: "city-housing",
        name: "市住房城乡建设局",
        aliases: [],
        level: "city",
        countyCounterpart: { name: "县住房和城乡建设局", aliases: [] },
      },
      {
        id: "city-youth-league",
        name: "团市委",
        aliases: [],
        level: "city",
        countyCounterpart: { name: "县团委", aliases: [] },
      },
      {
        id: "pbc-branch",
        name: "人行南阳中心支行",
        aliases: [],
        level: "city",
        countyCounterpart: { name: "人民银行各县、市、油田支行", aliases: [] },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("reports the ids it cannot derive and the counterparts it guesses", () => {
    const { departments, warnings } = buildDirectory({
      names: ["市交通运输局", "市大数据管理局", "南阳银保监局"],
      recipients: [],
      countiesImplement: true,
      existing: [],
    });
    expect(departments.map((department) => [department.id, department.countyCounterpart?.name])).toEqual([
      ["city-transport", "县交通运输局"],
      [expect.stringMatching(/^city-dept-[0-9a-f]{6}$/), "县大数据管理局"],
      ["cbirc-branch", undefined],
    ]);
    expect(warnings).toEqual([
      "county counterpart of 市交通运输局 guessed as 县交通运输局 (the recipients list names none): check it",
      `no English id known for 市大数据管理局: named it ${departments[1]?.id}; rename it before loading (ids are kept)`,
      "county counterpart of 市大数据管理局 guessed as 县大数据管理局 (the recipients list names none): check it",
      "no county counterpart found for 南阳银保监局: add countyCounterpart by hand",
    ]);
  });

  it("keeps a reused directory and adds only the names it does not resolve", () => {
    const existing = [{ id: "city-finance", name: "市财政局", aliases: ["市财政"], level: "city" as const }];
    const { departments } = buildDirectory({
      names: ["市财政", "市财政局", "市审计局"],
      recipients: [],
      countiesImplement: false,
      existing,
    });
    expect(departments.map((department) => department.id)).toEqual(["city-finance", "city-audit"]);
  });
});

describe("buildDirectory with collective local governments", () => {
  it("marks them collective, with their members' level and an id of their own; no county counterpart", () => {
    const { departments, warnings } = buildDirectory({
      names: ["各省级人民政府", "各有关省级人民政府", "各区、县级市", "各县（市、区）人民政府", "市财政局"],
      recipients: [],
      countiesImplement: true,
      existing: [],
    });
    expect(departments.slice(0, 4)).toEqual([
      {
        id: "provincial-governments",
        name: "各省级人民政府",
        aliases: [],
        level: "province",
        collective: true,
      },
      {
        id: "relevant-provincial-governments",
        name: "各有关省级人民政府",
        aliases: [],
        level: "province",
        collective: true,
      },
      { id: "county-governments", name: "各区、县级市", aliases: [], level: "county", collective: true },
      {
        id: "county-governments-2",
        name: "各县（市、区）人民政府",
        aliases: [],
        level: "county",
        collective: true,
      },
    ]);
    expect(departments[4]?.collective).toBeUndefined();
    expect(warnings.join("\n")).not.toMatch(/各/);
  });
});

describe("checkWorkflow with a collective local government leading", () => {
  it("asks no county counterpart of it, and flags no fragment", () => {
    const workflow = smallWorkflow();
    workflow.departments.push({
      id: "county-governments",
      name: "各县（市、区）人民政府",
      aliases: [],
      level: "county",
      collective: true,
    });
    const third = workflow.measures[2];
    if (!third) throw new Error("fixture");
    third.leads = ["各县（市、区）人民政府"];
    third.needsAssignment = false;
    expect(checkWorkflow(workflow)).toEqual([]);
  });
});
