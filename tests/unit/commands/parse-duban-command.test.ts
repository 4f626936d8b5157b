import { describe, expect, it } from "vitest";
import type { CommandDirectory, DubanCommand } from "../../../src/domain/commands/duban-command.ts";
import { parseDubanCommand } from "../../../src/domain/commands/parse-duban-command.ts";
import { NANYANG_MEASURES } from "../../fixtures/nanyang-measures.ts";

const directory: CommandDirectory = {
  measures: NANYANG_MEASURES,
  departments: [
    { id: "city-agriculture", name: "市农业农村局", aliases: [] },
    { id: "city-human-resources", name: "市人力资源社会保障局", aliases: ["市人社局"] },
    { id: "city-finance", name: "市财政局", aliases: [] },
    { id: "city-development-reform", name: "市发展改革委", aliases: ["市发改委"] },
    { id: "city-rural-revitalization", name: "市乡村振兴局", aliases: [] },
    { id: "nanzhao-finance", name: "南召县财政局", aliases: [] },
  ],
};

const parse = (text: string) => parseDubanCommand(text, directory);
const problemOf = (command: DubanCommand) =>
  command.kind === "help" ? command.problem?.zh : `not help: ${command.kind}`;

describe("parseDubanCommand", () => {
  it("reads help, an empty command and a leading /duban as help without a problem", () => {
    for (const text of ["", "  ", "help", "帮助", "/duban help", "?"])
      expect(parse(text)).toEqual({ kind: "help", problem: null });
  });

  it("reads subcommands in English and Chinese, any case and width", () => {
    expect(parse("TASKS")).toEqual({ kind: "tasks" });
    expect(parse("我的任务")).toEqual({ kind: "tasks" });
    expect(parse("填报")).toEqual({ kind: "report", measureNumber: null });
    expect(parse("看板")).toEqual({ kind: "status", target: null });
  });

  it("names measures by number, Chinese numeral, bracketed label or a distinctive title word", () => {
    for (const ref of ["5", "五", "（五）", "(5)", "第五项", "measure 5", "就地就近"]) {
      expect(parse(`report ${ref}`)).toEqual({ kind: "report", measureNumber: 5 });
    }
    expect(parse("history 二十一")).toEqual({ kind: "history", measureNumber: 21 });
  });

  it("reads status and remind targets: a measure, a department by name or alias, or overdue", () => {
    expect(parse("status 人社局")).toEqual({
      kind: "status",
      target: { kind: "department", id: "city-human-resources" },
    });
    expect(parse("status 农业农村局")).toEqual({
      kind: "status",
      target: { kind: "department", id: "city-agriculture" },
    });
    expect(parse("remind 十九")).toEqual({ kind: "remind", target: { kind: "measure", number: 19 } });
    expect(parse("催办 逾期")).toEqual({ kind: "remind", target: { kind: "overdue" } });
    expect(parse("remind OVERDUE")).toEqual({ kind: "remind", target: { kind: "overdue" } });
  });

  it("asks instead of guessing when a word names a measure and a department, or several of either", () => {
    expect(problemOf(parse("status 财政"))).toMatch(/既可指措施（十九）.*也可指部门市财政局/);
    expect(problemOf(parse("report 社区"))).toMatch(/对应多项措施：（十三）、（十四）、（十五）、（十六）/);
    expect(problemOf(parse("status 县财政"))).toMatch(/对应多个部门：市财政局、南召县财政局/);
    expect(parse("status 财政局")).toEqual({
      kind: "status",
      target: { kind: "department", id: "city-finance" },
    });
  });

  it("reads assign with a user picked by id (named by the front end) or a typed name, and an optional role", () => {
    const names = { U024BE7LH: "Li Si" };
    expect(parseDubanCommand("assign 市农业农村局 @id:U024BE7LH", directory, names)).toEqual({
      kind: "assign",
      departmentId: "city-agriculture",
      user: { externalId: "U024BE7LH", name: "Li Si" },
      role: null,
    });
    expect(parse("指派 发改委 @张三 督查人员")).toEqual({
      kind: "assign",
      departmentId: "city-development-reform",
      user: { externalId: null, name: "张三" },
      role: "SUPERVISOR",
    });
    expect(parse("assign 市财政局 @id:U1 reader")).toMatchObject({
      role: "READER",
      user: { externalId: "U1", name: null },
    });
    // Slack's own escaping is read in the Slack adapter (read-slack-mentions.ts), never here
    expect(parse("assign 市财政局 <@U1|Li> reader").kind).toBe("help");
  });

  it("reads approve and return tasks as <measure> [部门] [reason], also with the label glued to the department", () => {
    expect(parse("approve 5")).toEqual({ kind: "approve", task: { measureNumber: 5, departmentId: null } });
    expect(parse("办结 （五）市人社局")).toEqual({
      kind: "approve",
      task: { measureNumber: 5, departmentId: "city-human-resources" },
    });
    expect(parse("return 5 人力资源社会保障局 佐证 不全")).toEqual({
      kind: "return",
      task: { measureNumber: 5, departmentId: "city-human-resources" },
      reason: "佐证 不全",
    });
    expect(parse("退回 5 材料不全")).toEqual({
      kind: "return",
      task: { measureNumber: 5, departmentId: null },
      reason: "材料不全",
    });
  });

  it("answers an unknown subcommand or a bad argument with help and one clear line, never an exception", () => {
    expect(problemOf(parse("催促 5"))).toBe("没有“催促”这个子命令。");
    expect(problemOf(parse("remind"))).toContain("缺少参数");
    expect(problemOf(parse("report 99"))).toContain("找不到措施“99”");
    expect(problemOf(parse("status 九十九"))).toContain("找不到措施“九十九”");
    expect(problemOf(parse("status 无此单位"))).toContain("既不是措施也不是部门");
    expect(problemOf(parse("assign 市财政局 张三"))).toContain("请用 @ 指明用户");
    expect(problemOf(parse("assign 市不存在局 @张三"))).toContain("找不到部门“市不存在局”");
    expect(problemOf(parse("assign 市财政局 @张三 局长"))).toContain("没有“局长”这个角色");
    expect(problemOf(parse("approve 5 市不存在局"))).toContain("找不到部门“市不存在局”");
    expect(problemOf(parse("approve"))).toContain("缺少参数");
    const english = parse("frobnicate");
    expect(english.kind === "help" && english.problem?.en).toBe('There is no subcommand "frobnicate".');
  });
});
