import { describe, expect, it } from "vitest";
import { findPercents } from "../../../src/domain/progress/find-percents.ts";
import { findStatusCues } from "../../../src/domain/progress/find-status-cues.ts";
import { normalizeChatText } from "../../../src/domain/text/normalize-chat-text.ts";

describe("normalizeChatText", () => {
  it("folds full-width forms and case without moving any character", () => {
    const text = "（五）完成８０％：ＯＫ，Done’s 😀 ㎡";
    const folded = normalizeChatText(text);
    expect(folded).toBe("(五)完成80%:ok,done's 😀 ㎡");
    expect(folded).toHaveLength(text.length);
  });
});

describe("findPercents", () => {
  it.each([
    ["80%", 80],
    ["80 percent", 80],
    ["八十%", 80],
    ["八成", 80],
    ["七成半", 75],
    ["十成", 100],
    ["两成", 20],
    ["一半", 50],
    ["过半", 50],
    ["halfway", 50],
    ["三分之二", 67],
    ["三分之一", 33],
    ["十分之七", 70],
    ["百分之六十", 60],
    ["百分之百", 100],
    ["99.6%", 99],
    ["0.4%", 1],
    ["0%", 0],
    ["-20%", -20],
    ["进度－20%", -20],
    ["负二十%", -20],
    ["minus 5 percent", -5],
    ["10-20%", 20],
  ])("%s -> %i", (text, value) => {
    expect(findPercents(normalizeChatText(text)).map((match) => match.value)).toEqual([value]);
  });

  it("does not read 完成 or plain numbers as a share", () => {
    expect(findPercents("已完成，投资3000万元，2021年")).toEqual([]);
  });
});

describe("findStatusCues", () => {
  const kinds = (text: string) => findStatusCues(text).map((cue) => cue.kind);

  it.each([
    ["未完成", ["not_done"]],
    ["尚未启动", ["not_started"]],
    ["无法推进", ["blocked"]],
    ["部分受阻", ["partly_blocked"]],
    ["已完成招标", ["done_step"]],
    ["完成了招标", ["done_step"]],
    ["已完成了", ["done"]],
    ["not done yet", ["not_done"]],
    ["not started", ["not_started"]],
    ["no blockers", ["neutral"]],
  ])("%s -> %j", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});
