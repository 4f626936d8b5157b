import { readFileSync } from "node:fs";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, padToWidth, truncateToWidth } from "../../../src/shared/pad-to-width.ts";

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

  it("measures ASCII and CJK text itself exactly as string-width does: every code point it handles, and the plan", () => {
    const handled: number[] = [];
    for (const [from, to] of [
      [0x20, 0x7e],
      [0x3000, 0x303f],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xff01, 0xff60],
      [0xffe0, 0xffe6],
    ] as const) {
      for (let point = from; point <= to; point++) handled.push(point);
    }
    const disagreements = handled
      .map((point) => String.fromCodePoint(point))
      .filter((char) => displayWidth(`a${char}b`) !== stringWidth(`a${char}b`));
    expect(disagreements).toEqual([]);
    const plan = readFileSync("workflows/sources/nanyang-relocation-2021.txt", "utf8").split("\n");
    const workflow = readFileSync("workflows/nanyang-relocation-2021.yaml", "utf8").split("\n");
    for (const line of [...plan, ...workflow]) expect(displayWidth(line), line).toBe(stringWidth(line));
  });

  it("cuts to at most the width, ending with …", () => {
    expect(truncateToWidth("abcdefghij", 5)).toBe("abcd…");
    expect(truncateToWidth("南阳市发展和改革委员会", 7)).toBe("南阳市…");
    expect(truncateToWidth("short", 10)).toBe("short");
  });
});
