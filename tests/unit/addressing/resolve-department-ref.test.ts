import { describe, expect, it } from "vitest";
import {
  type DepartmentRefResolution,
  type DepartmentRefTarget,
  resolveDepartmentRef,
} from "../../../src/domain/addressing/resolve-department-ref.ts";

const DEPARTMENTS: DepartmentRefTarget[] = [
  { id: "city-agriculture", name: "市农业农村局", aliases: ["市农业局"] },
  { id: "city-development-reform", name: "市发展改革委", aliases: ["市发改委", "发改委"] },
  { id: "city-rural-revitalization", name: "市乡村振兴局", aliases: [] },
  { id: "city-human-resources", name: "市人力资源社会保障局", aliases: ["人社局"] },
  { id: "city-civil-affairs", name: "市民政局", aliases: [] },
  { id: "city-housing", name: "市住房城乡建设局", aliases: ["住建局"] },
  { id: "city-emergency", name: "市应急管理局", aliases: [] },
  { id: "pboc-nanyang", name: "人行南阳中心支行", aliases: ["人民银行南阳中心支行"] },
  { id: "xixia-agriculture", name: "西峡县农业农村局", aliases: [] },
  { id: "xichuan-agriculture", name: "淅川县农业农村局", aliases: [] },
  { id: "county-finance", name: "县财政局", aliases: [] },
  { id: "city-finance", name: "市财政局", aliases: [] },
];

const resolve = (ref: string) => resolveDepartmentRef(ref, DEPARTMENTS);
const found = (id: string): DepartmentRefResolution => ({ kind: "found", id });

describe("resolveDepartmentRef", () => {
  it.each<[string, DepartmentRefResolution]>([
    // exact name or alias
    ["市农业农村局", found("city-agriculture")],
    ["西峡县农业农村局", found("xixia-agriculture")],
    ["市农业局", found("city-agriculture")],
    ["发改委", found("city-development-reform")],
    ["人社局", found("city-human-resources")],
    [" 市民政局 ", found("city-civil-affairs")],
    ["县财政局", found("county-finance")],
    // without the 市/县 prefix
    ["农业农村局", found("city-agriculture")],
    ["乡村振兴局", found("city-rural-revitalization")],
    ["民政局", found("city-civil-affairs")],
    ["县乡村振兴局", found("city-rural-revitalization")],
    ["财政局", { kind: "ambiguous", candidates: ["county-finance", "city-finance"] }],
    // a fragment of one department's names
    ["乡村振兴", found("city-rural-revitalization")],
    ["人民银行", found("pboc-nanyang")],
    ["应急", found("city-emergency")],
    ["西峡", found("xixia-agriculture")],
    ["住建", found("city-housing")],
    // a fragment of several: ambiguous, never a guess
    [
      "农业",
      { kind: "ambiguous", candidates: ["city-agriculture", "xixia-agriculture", "xichuan-agriculture"] },
    ],
    [
      "农村局",
      { kind: "ambiguous", candidates: ["city-agriculture", "xixia-agriculture", "xichuan-agriculture"] },
    ],
    // nothing
    ["市", { kind: "not_found" }],
    ["局", { kind: "not_found" }],
    ["", { kind: "not_found" }],
    ["教育局", { kind: "not_found" }],
  ])("%j", (ref, expected) => {
    expect(resolve(ref)).toEqual(expected);
  });

  it("reports an alias shared by two departments as ambiguous", () => {
    const shared: DepartmentRefTarget[] = [
      { id: "a", name: "市商务局", aliases: ["商务"] },
      { id: "b", name: "市商务执法支队", aliases: ["商务"] },
    ];
    expect(resolveDepartmentRef("商务", shared)).toEqual({ kind: "ambiguous", candidates: ["a", "b"] });
  });
});
