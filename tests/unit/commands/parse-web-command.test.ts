import { describe, expect, it } from "vitest";
import type { CommandDirectory, DubanCommand } from "../../../src/domain/commands/duban-command.ts";
import { parseDubanCommand } from "../../../src/domain/commands/parse-duban-command.ts";

const directory: CommandDirectory = { measures: [], departments: [] };
const parse = (text: string) => parseDubanCommand(text, directory);
const problemOf = (command: DubanCommand) =>
  command.kind === "help" ? command.problem?.zh : `not help: ${command.kind}`;

describe("/duban web", () => {
  it("asks for a sign-in link in English or Chinese", () => {
    for (const text of ["web", "WEB", "网页", "/duban 网页版"])
      expect(parse(text)).toEqual({ kind: "web", revoke: null });
  });

  it("reads revoke with one user, by id or by name", () => {
    expect(parse("web revoke @id:U1")).toEqual({ kind: "web", revoke: { externalId: "U1", name: null } });
    expect(parse("网页 撤销 @张三")).toEqual({ kind: "web", revoke: { externalId: null, name: "张三" } });
  });

  it("answers help with the usage when the words after web are not revoke <user>", () => {
    for (const text of ["web revoke", "web please", "web revoke @id:U1 @id:U2", "web revoke someone"])
      expect(problemOf(parse(text))).toContain("/duban web [revoke <@用户>]");
  });
});
