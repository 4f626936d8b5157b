import { describe, expect, it } from "vitest";
import { SUBCOMMAND_NAMES } from "../../../src/domain/commands/subcommand-names.ts";
import { buildHelpMessage } from "../../../src/domain/messages/build-help-message.ts";
import type { Locale } from "../../../src/domain/supervision/locale.ts";

/** The words of a help line, split at spaces and the punctuation around names ("（也可写：任务、我的任务）"). */
const wordsOf = (text: string) => new Set(text.split(/[\s、，,：:；;（）()[\]<>|]+/).filter(Boolean));

describe.each<Locale>(["zh", "en"])("/duban help in %s", (locale) => {
  const help = buildHelpMessage(locale);

  it("has one entry for every subcommand the grammar accepts, under its English name", () => {
    const kinds = [...new Set(Object.values(SUBCOMMAND_NAMES))].sort();
    const listed = help.commands.map((command) => command.usage.split(" ")[1]).sort();
    expect(listed).toEqual(kinds);
  });

  it("names every word the grammar accepts for a subcommand in that subcommand's entry", () => {
    for (const [name, kind] of Object.entries(SUBCOMMAND_NAMES)) {
      const entry = help.commands.find((command) => command.usage.split(" ")[1] === kind);
      const words = wordsOf(`${entry?.usage} ${entry?.description}`);
      expect(words.has(name), `"${name}" (${kind}) in ${JSON.stringify(entry)}`).toBe(true);
    }
  });
});

describe("/duban help", () => {
  it("lists assess (考核) and export (导出 / 台账) with their periods", () => {
    const zh = buildHelpMessage("zh").commands.map((c) => `${c.usage}  ${c.description}`);
    expect(zh).toContainEqual(
      expect.stringMatching(/^\/duban assess \[期间\] {2}督查考核评分.*（也可写：考核、评分）$/),
    );
    expect(zh).toContainEqual(
      expect.stringMatching(/^\/duban export \[期间\] {2}导出 Excel 台账.*（也可写：导出、台账）$/),
    );
    const en = buildHelpMessage("en").commands.map((c) => `${c.usage}  ${c.description}`);
    expect(en).toContainEqual(
      expect.stringMatching(/^\/duban export \[期间\] {2}the Excel ledger .* \(also: 导出, 台账\)$/),
    );
  });
});
