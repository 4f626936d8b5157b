import { describe, expect, it } from "vitest";
import { formatChineseNumeral, parseChineseNumeral } from "../../src/domain/text/chinese-numerals.ts";

describe("chinese numerals", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十七", 17],
    ["二十", 20],
    ["二十一", 21],
    ["一百零五", 105],
    ["两千", 2000],
  ])("parses %s as %i", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects text that is not a numeral", () => {
    expect(parseChineseNumeral("十a")).toBeNull();
    expect(parseChineseNumeral("")).toBeNull();
  });

  it("round-trips 1..99", () => {
    for (let value = 1; value < 100; value++)
      expect(parseChineseNumeral(formatChineseNumeral(value))).toBe(value);
  });
});
