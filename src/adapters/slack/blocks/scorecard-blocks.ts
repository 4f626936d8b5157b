import type { ScorecardMessage, ScorecardRow } from "../../../domain/messages/scorecard-message.ts";
import { type Block, context, escapeMrkdwn, header, linesToSections, section } from "./block-kit.ts";

const MARKS: Record<NonNullable<ScorecardRow["verdict"]>, string> = {
  praise: " :star:",
  lagging: " :warning:",
};

function rowLines(rows: readonly ScorecardRow[]): string[] {
  return rows.map(
    (row) =>
      `${row.rank}. *${escapeMrkdwn(row.name)}* ${row.score.toFixed(1)}${row.verdict === null ? "" : MARKS[row.verdict]}\n    ${escapeMrkdwn(row.figures)}`,
  );
}

/** The scorecard: formula, departments, counties, then 表扬 / 通报 (within 50 blocks: sections hold many lines). */
export function scorecardBlocks(message: ScorecardMessage): Block[] {
  const zh = message.locale === "zh";
  const blocks: Block[] = [
    header(message.title, "title"),
    context(escapeMrkdwn(`${message.scope}\n${message.formula}`), "scope"),
  ];
  const group = (title: string, rows: readonly ScorecardRow[], id: string) => {
    if (rows.length === 0) return;
    blocks.push(section(`*${title}*`, { blockId: `${id}_title` }));
    linesToSections(rowLines(rows)).forEach((text, index) => {
      blocks.push(section(text, { blockId: `${id}_${index}` }));
    });
  };
  group(zh ? "部门" : "Departments", message.departments, "departments");
  group(zh ? "县（市、区）" : "Counties", message.counties, "counties");
  const list = (names: readonly string[]) =>
    names.length === 0 ? (zh ? "无" : "none") : escapeMrkdwn(names.join(zh ? "、" : ", "));
  blocks.push(
    section(
      `:star: *${zh ? "表扬" : "Praise"}*：${list(message.praise)}\n:warning: *${zh ? "通报" : "Lagging"}*：${list(message.lagging)}`,
      { blockId: "verdicts" },
    ),
    context(escapeMrkdwn(message.footer), "footer"),
  );
  return blocks;
}
