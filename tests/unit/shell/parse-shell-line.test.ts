import { describe, expect, it } from "vitest";
import { parseShellLine } from "../../../src/adapters/shell/parse-shell-line.ts";

describe("parseShellLine", () => {
  it.each([
    ["", { kind: "empty" }],
    ["/help", { kind: "help" }],
    ["/quit", { kind: "quit" }],
    ["/as 市农业农村局", { kind: "as", who: "市农业农村局" }],
    ["/as", { kind: "as", who: "" }],
    ["/duban  status 5", { kind: "duban", text: "status 5" }],
    ["/press 3", { kind: "press", number: 3 }],
    ["/press x", { kind: "usage", command: "/press" }],
    ["/press 0", { kind: "usage", command: "/press" }],
    ["/home 2", { kind: "home", page: 2 }],
    ["/home", { kind: "home", page: 1 }],
    ["/web", { kind: "duban", text: "web" }],
    ["/clock", { kind: "clock" }],
    ["/clock set 2026-11-20 10:00", { kind: "clock_set", when: "2026-11-20 10:00" }],
    ["/tick", { kind: "tick", times: 1 }],
    ["/tick 3", { kind: "tick", times: 3 }],
    ["/tick soon", { kind: "usage", command: "/tick" }],
    ["推进中，约八成", { kind: "reply", text: "推进中，约八成", thread: "last" }],
    ["/reply 已完成", { kind: "reply", text: "已完成", thread: "last" }],
    ["/dm （五）已完成", { kind: "reply", text: "（五）已完成", thread: "none" }],
    ["/dm", { kind: "usage", command: "/dm" }],
    ["/attach 报告.pdf", { kind: "attach", path: "报告.pdf", text: "" }],
    ["/attach ./a.pdf （五）推进中 60%", { kind: "attach", path: "./a.pdf", text: "（五）推进中 60%" }],
    ['/attach "现场 照片.png" 已完成', { kind: "attach", path: "现场 照片.png", text: "已完成" }],
    ["/attach", { kind: "usage", command: "/attach" }],
    ['/attach "unclosed', { kind: "usage", command: "/attach" }],
    ["/lang en", { kind: "lang", locale: "en" }],
    ["/frobnicate", { kind: "unknown", command: "/frobnicate" }],
  ])("%j", (line, expected) => {
    expect(parseShellLine(line)).toEqual(expected);
  });
});
