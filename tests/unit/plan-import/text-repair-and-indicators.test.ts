import { describe, expect, it } from "vitest";
import { extractIndicators } from "../../../src/domain/plan-import/extract-indicators.ts";
import { repairPageBreaks } from "../../../src/domain/plan-import/repair-page-breaks.ts";

const texts = (text: string) => repairPageBreaks(text).paragraphs.map((paragraph) => paragraph.text);

describe("repairPageBreaks", () => {
  it("joins a break inside a sentence and reports it", () => {
    const { paragraphs, repairs } = repairPageBreaks(
      "（一）发展产业。支持当地培育发展特色种养业、农村电商\n\n等，鼓励发展新业态。",
    );
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "（一）发展产业。支持当地培育发展特色种养业、农村电商等，鼓励发展新业态。",
    ]);
    expect(repairs).toEqual([{ line: 3, before: "种养业、农村电商", after: "等，鼓励发展新业" }]);
  });

  it("joins after a list comma even when the line is short, without a repair for a plain wrap", () => {
    const { paragraphs, repairs } = repairPageBreaks("主送：有关县发展改革委、\n财政局。");
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(["主送：有关县发展改革委、财政局。"]);
    expect(repairs).toEqual([]);
  });

  it("keeps real paragraph breaks, headings, dates and the closing block apart", () => {
    expect(
      texts(
        "一、总体要求\n\n以人为本，推动发展。\n\n（一）加强组织领导\n\n各县要完善机制，确保稳定\n\n（二）加大投入。支持。\n\n南阳市发展和改革委员会\n\n2021年10月8日\n\n抄送：有关县人民政府",
      ),
    ).toEqual([
      "一、总体要求",
      "以人为本，推动发展。",
      "（一）加强组织领导",
      "各县要完善机制，确保稳定",
      "（二）加大投入。支持。",
      "南阳市发展和改革委员会",
      "2021年10月8日",
      "抄送：有关县人民政府",
    ]);
  });

  it("puts a space only between two Latin or digit ends", () => {
    expect(texts("对吸纳搬迁劳动力稳定就业的经营主体可按标准给予 1000\n\n元奖补。")).toEqual([
      "对吸纳搬迁劳动力稳定就业的经营主体可按标准给予 1000元奖补。",
    ]);
    expect(texts("每个安置点都要配备一名专职人员，且人数 20\n\n30 人之间。")[0]).toContain("20 30");
  });
});

describe("extractIndicators", () => {
  it("reads numbers with their units, per-units, ranges and qualifiers", () => {
    const found = extractIndicators(
      "对 25 度以上陡坡耕地、15-25 度坡耕地，按每人 1000 元标准，按 1 m²/户建设，3 年内补贴 50%，最高 1 万元。",
    );
    expect(found.map(({ clause: _, ...rest }) => rest)).toEqual([
      { value: 25, unit: "度", qualifier: "以上" },
      { value: 15, maxValue: 25, unit: "度" },
      { value: 1000, unit: "元/人" },
      { value: 1, unit: "m²/户" },
      { value: 3, unit: "年", qualifier: "内" },
      { value: 50, unit: "%" },
      { value: 1, unit: "万元" },
    ]);
  });

  it("gives the clause a number stands in, reads full-width digits, skips numbers without a unit", () => {
    expect(extractIndicators("在８００人以上安置点设立服务站，编号 12。")).toEqual([
      { value: 800, unit: "人", qualifier: "以上", clause: "在８００人以上安置点设立服务站" },
    ]);
  });

  it("reads a date as its year", () => {
    expect(extractIndicators("到2025年6月底前完成。")).toEqual([
      { value: 2025, unit: "年", clause: "到2025年6月底前完成" },
    ]);
  });
});
