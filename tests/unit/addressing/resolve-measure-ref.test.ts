import { describe, expect, it } from "vitest";
import {
  type MeasureRefResolution,
  resolveMeasureRef,
} from "../../../src/domain/addressing/resolve-measure-ref.ts";
import { NANYANG_MEASURES } from "../../fixtures/nanyang-measures.ts";

const resolve = (ref: string) => resolveMeasureRef(ref, NANYANG_MEASURES);
const found = (number: number): MeasureRefResolution => ({ kind: "found", number });
const ambiguous = (...candidates: number[]): MeasureRefResolution => ({ kind: "ambiguous", candidates });
const notFound: MeasureRefResolution = { kind: "not_found" };

describe("resolveMeasureRef on the Nanyang plan", () => {
  it("has the 21 measures in order", () => {
    expect(NANYANG_MEASURES.map((measure) => measure.number)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    expect(NANYANG_MEASURES[20]).toEqual({ number: 21, label: "（二十一）", title: "强化督查考核" });
  });

  it.each<[string, MeasureRefResolution]>([
    // by number
    ["5", found(5)],
    [" 5 ", found(5)],
    ["５", found(5)],
    ["五", found(5)],
    ["五、", found(5)],
    ["（五）", found(5)],
    ["(五)", found(5)],
    ["( 五 )", found(5)],
    ["(5)", found(5)],
    ["第五项", found(5)],
    ["第5条", found(5)],
    ["第五项措施", found(5)],
    ["措施5", found(5)],
    ["measure 5", found(5)],
    ["Measure 21", found(21)],
    ["#12", found(12)],
    ["二十一", found(21)],
    ["（二十一）", found(21)],
    ["十", found(10)],
    ["22", notFound],
    ["二十二", notFound],
    ["0", notFound],
    ["第零项", notFound],
    // by a word of the title
    ["财政投入", found(19)],
    ["金融支持", found(20)],
    ["督查考核", found(21)],
    ["公共服务", found(10)],
    ["关于财政投入那项", found(19)],
    ["财政投入措施", found(19)],
    ["组织领导", found(18)],
    ["职业技能", found(7)],
    ["人居环境", found(15)],
    // a word in several titles is ambiguous, never a guess
    ["社区", ambiguous(13, 14, 15, 16)],
    ["搬迁群众", ambiguous(6, 11, 12)],
    ["就业", ambiguous(4, 5)],
    ["服务设施", ambiguous(10, 16)],
    ["加强", ambiguous(4, 7, 18, 20)],
    // words only in a measure's body, too short, or nothing
    ["电商", notFound],
    ["财", notFound],
    ["", notFound],
    ["   ", notFound],
    ["budget", notFound],
  ])("%j", (ref, expected) => {
    expect(resolve(ref)).toEqual(expected);
  });

  it("finds nothing in an empty plan", () => {
    expect(resolveMeasureRef("5", [])).toEqual(notFound);
    expect(resolveMeasureRef("财政投入", [])).toEqual(notFound);
  });
});
