import { describe, expect, it } from "vitest";
import { resolveDepartment } from "../../../src/domain/workflow/resolve-department.ts";

const departments = [
  {
    id: "city-housing",
    name: "市住房城乡建设局",
    aliases: ["市住房和城乡建设局"],
    countyCounterpart: { name: "县住房和城乡建设局", aliases: ["县住建局"] },
  },
  {
    id: "pbc-nanyang",
    name: "人行南阳中心支行",
    aliases: [],
    countyCounterpart: { name: "人民银行县支行", aliases: ["人民银行各县、市、油田支行"] },
  },
  { id: "city-stats", name: "市统计局（普查中心）", aliases: [] },
];

describe("resolveDepartment", () => {
  it("finds a department by its name, an alias, or its county counterpart's name or alias", () => {
    expect(resolveDepartment(departments, "市住房城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(departments, "市住房和城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(departments, "县住房和城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(departments, "县住建局")).toBe("city-housing");
    expect(resolveDepartment(departments, "人民银行各县、市、油田支行")).toBe("pbc-nanyang");
  });

  it("reads 有关县 and 各县 of a 主送 list as 县, and ignores spaces and bracket width", () => {
    expect(resolveDepartment(departments, "有关县住房和城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(departments, "各县（市、区）住房和城乡建设局")).toBe("city-housing");
    expect(resolveDepartment(departments, " 人行南阳 中心支行")).toBe("pbc-nanyang");
    expect(resolveDepartment(departments, "市统计局(普查中心)")).toBe("city-stats");
  });

  it("returns null for a name no department has", () => {
    expect(resolveDepartment(departments, "市住建")).toBeNull();
    expect(resolveDepartment(departments, "住房城乡建设局")).toBeNull();
  });
});
