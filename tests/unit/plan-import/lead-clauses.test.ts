import { describe, expect, it } from "vitest";
import { parseLeadClause } from "../../../src/domain/plan-import/parse-lead-clause.ts";
import { splitDepartmentNames } from "../../../src/domain/plan-import/split-department-names.ts";

describe("splitDepartmentNames", () => {
  it("gives later names the first one's level prefix and drops 等部门", () => {
    expect(splitDepartmentNames("市农业农村局、发展改革委、乡村振兴局等部门")).toEqual([
      "市农业农村局",
      "市发展改革委",
      "市乡村振兴局",
    ]);
  });

  it("keeps names that carry their own level or take none", () => {
    expect(splitDepartmentNames("市乡村振兴局、市应急管理局、民政局")).toEqual([
      "市乡村振兴局",
      "市应急管理局",
      "市民政局",
    ]);
    expect(splitDepartmentNames("市民政局、总工会、团市委、妇联")).toEqual([
      "市民政局",
      "市总工会",
      "团市委",
      "市妇联",
    ]);
    expect(
      splitDepartmentNames("市财政局、人行南阳中心支行、南阳银保监局", { placeNames: ["南阳"] }),
    ).toEqual(["市财政局", "人行南阳中心支行", "南阳银保监局"]);
  });

  it("drops 等部门等 and 有关部门, and splits on every list separator", () => {
    expect(splitDepartmentNames("市教育局、卫生健康委、民政局等部门等")).toEqual([
      "市教育局",
      "市卫生健康委",
      "市民政局",
    ]);
    expect(splitDepartmentNames("市财政局，审计局；统计局;水利局,有关部门")).toEqual([
      "市财政局",
      "市审计局",
      "市统计局",
      "市水利局",
    ]);
  });

  it("does not mistake 市场监管局 for a 市-prefixed name", () => {
    expect(splitDepartmentNames("市商务局、市场监管局")).toEqual(["市商务局", "市市场监管局"]);
  });

  it("keeps a name whose own text holds a separator whole", () => {
    expect(splitDepartmentNames("有关县妇联，银保监各县监管组，人民银行各县、市、油田支行")).toEqual([
      "有关县妇联",
      "银保监各县监管组",
      "人民银行各县、市、油田支行",
    ]);
  });
});

describe("parseLeadClause", () => {
  it("reads 按职责分工牵头负责 and keeps what follows as a remark", () => {
    const clause = parseLeadClause(
      "发展产业。（市农业农村局、发展改革委等部门按职责分工牵头负责，市县对应部门具体实施。以下均需市县对应部门具体实施，不再一一列出）",
    );
    expect(clause?.leadDepartments).toEqual(["市农业农村局", "市发展改革委"]);
    expect(clause?.remark).toBe("市县对应部门具体实施。以下均需市县对应部门具体实施，不再一一列出");
  });

  it("reads 牵头单位 and 责任单位: leads first, the others co-operate with their role", () => {
    const clause = parseLeadClause(
      "加快建设。（牵头单位：市发展改革委；责任单位：市财政局、市人力资源社会保障局）",
    );
    expect(clause?.leadDepartments).toEqual(["市发展改革委"]);
    expect(clause?.cooperatingDepartments).toEqual([
      { name: "市财政局", role: "责任单位" },
      { name: "市人力资源社会保障局", role: "责任单位" },
    ]);
  });

  it("reads 责任单位 alone as the leads", () => {
    const clause = parseLeadClause("完善管网。（责任单位：市水利局、住房城乡建设局）");
    expect(clause?.leadDepartments).toEqual(["市水利局", "市住房城乡建设局"]);
    expect(clause?.cooperatingDepartments).toEqual([]);
  });

  it("reads 牵头单位 and 配合单位 with a comma, the 配合 list inheriting the level", () => {
    const clause = parseLeadClause("保障资金。（牵头单位：市财政局，配合单位：发展改革委、水利局）");
    expect(clause?.leadDepartments).toEqual(["市财政局"]);
    expect(clause?.cooperatingDepartments.map((unit) => unit.name)).toEqual(["市发展改革委", "市水利局"]);
  });

  it("reads A牵头，B配合", () => {
    const clause = parseLeadClause("加强领导。（市水利局牵头，市财政局、审计局配合）");
    expect(clause?.leadDepartments).toEqual(["市水利局"]);
    expect(clause?.cooperatingDepartments).toEqual([
      { name: "市财政局", role: "配合" },
      { name: "市审计局", role: "配合" },
    ]);
  });

  it("accepts half-width brackets, a clause on its own line and a trailing 。", () => {
    expect(
      parseLeadClause("推进工作。\n(市民政局、公安局等部门按职责分工牵头负责)")?.leadDepartments,
    ).toEqual(["市民政局", "市公安局"]);
    expect(parseLeadClause("推进工作。（市民政局牵头负责）。")?.leadDepartments).toEqual(["市民政局"]);
  });

  it("finds no clause where there is none", () => {
    expect(parseLeadClause("加强组织领导。各县要完善机制。")).toBeNull();
    expect(parseLeadClause("建设社区卫生服务中心（站）")).toBeNull();
    expect(parseLeadClause("实施三年行动（2023—2025 年）")).toBeNull();
  });
});
