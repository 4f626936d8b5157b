import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { padToWidth, truncateToWidth } from "../../../src/shared/pad-to-width.ts";

describe("padToWidth and truncateToWidth (display columns: a CJK character is two)", () => {
  it("pads plain ASCII, Chinese and mixed text to the same display width as string-width counts it", () => {
    for (const text of [
      "",
      "abc",
      "status --json",
      "南阳市",
      "演示联络员·市发改委",
      "A1 任务（一）",
      "e\u0301",
      "👍ok",
    ]) {
      const padded = padToWidth(text, 24);
      expect(stringWidth(padded), text).toBe(Math.max(24, stringWidth(text)));
      expect(padded.startsWith(text)).toBe(true);
    }
  });

  it("cuts to at most the width, ending with …", () => {
    expect(truncateToWidth("abcdefghij", 5)).toBe("abcd…");
    expect(truncateToWidth("南阳市发展和改革委员会", 7)).toBe("南阳市…");
    expect(truncateToWidth("short", 10)).toBe("short");
  });
});
