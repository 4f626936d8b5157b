import { describe, expect, it } from "vitest";
import {
  cleanPersonInput,
  findControlCharacters,
  isOnlyControlCharacters,
  removeControlCharacters,
} from "../../../src/domain/text/control-characters.ts";

describe("removeControlCharacters", () => {
  it.each([
    ["NUL", "推进中\u0000 60%", "推进中 60%"],
    ["the other C0 controls", "a\u0001b\u0008c\u000bd\u000ce\u001bf\u001f", "abcdef"],
    ["DEL and the C1 controls", "a\u007fb\u0080c\u0085d\u009fe", "abcde"],
    ["a lone high surrogate", "已完成\ud83d", "已完成"],
    ["a lone low surrogate", "\ude00已完成", "已完成"],
  ])("removes %s", (_what, text, clean) => {
    expect(removeControlCharacters(text)).toBe(clean);
  });

  it("keeps tab, line breaks, emoji (surrogate pairs), full-width forms and Chinese punctuation", () => {
    const text = "（五）推进中\t６０％\r\n受阻：资金未到位 😀👍🏽 — “好”\u00a0";
    expect(removeControlCharacters(text)).toBe(text);
  });
});

describe("isOnlyControlCharacters", () => {
  it("is true for something made only of control characters (and spaces), false otherwise", () => {
    expect(isOnlyControlCharacters("\u0000")).toBe(true);
    expect(isOnlyControlCharacters(" \u0000\u0085 \n")).toBe(true);
    expect(isOnlyControlCharacters("\ud800")).toBe(true);
    expect(isOnlyControlCharacters("")).toBe(false);
    expect(isOnlyControlCharacters("   ")).toBe(false);
    expect(isOnlyControlCharacters("a\u0000")).toBe(false);
  });
});

describe("findControlCharacters", () => {
  it("names the path of every string that holds one, and the first character, as U+XXXX", () => {
    const value = {
      plan: { title: "南阳\u0000" },
      measures: [{ title: "ok", leads: ["市农业农村局", "\u001b[31m发展改革委"] }],
      note: "\ud800",
      count: 3,
    };
    expect(findControlCharacters(value)).toEqual([
      { path: ["plan", "title"], character: "U+0000" },
      { path: ["measures", 0, "leads", 1], character: "U+001B" },
      { path: ["note"], character: "U+D800" },
    ]);
  });
});

describe("cleanPersonInput", () => {
  it("cleans every string in arrays and plain objects, and passes other objects on as they are", () => {
    const at = new Date("2026-11-20T02:00:00Z");
    const port = { platform: "slack", lookupByEmail: async () => null };
    const input = { text: "a\u0000b", rows: [{ name: "张\u0001三" }], at, port, n: 1, none: null };
    const cleaned = cleanPersonInput(input);
    expect(cleaned).toEqual({ text: "ab", rows: [{ name: "张三" }], at, port, n: 1, none: null });
    expect(cleaned.at).toBe(at);
    expect(cleaned.port).toBe(port);
    expect(input.text).toBe("a\u0000b"); // the input itself is not changed
  });
});
