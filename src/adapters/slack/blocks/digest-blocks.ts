import type {
  DigestAssessment,
  DigestList,
  DigestMessage,
} from "../../../domain/messages/schedule-message-types.ts";
import { ACTION_IDS } from "../ids.ts";
import {
  actions,
  BLOCK_LIMITS,
  type Block,
  clip,
  context,
  escapeMrkdwn,
  header,
  linesToSections,
  plainText,
  section,
} from "./block-kit.ts";
import { boardSectionBlocks, countedTitle } from "./board-section-blocks.ts";
import { blockTextLength, MESSAGE_TEXT_BUDGET } from "./message-budget.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";

/** A list with more entries than this shows each one briefly; the full text is in the App Home and the ledger. */
const BRIEF_AFTER = 20;
/** Section text kept under Slack's 3,000 so a "(续)" title still fits when a list goes on in the next post. */
const THREAD_SECTION_TEXT = BLOCK_LIMITS.sectionText - 50;

/**
 * The digest's main message: title, 补发 note, counts per light by section and measure, the highlights, and
 * 表扬 / 通报 when it carries them, within 50 blocks and the text budget. The board gives way (whole sections of
 * it are cut; `maxBoardBlocks` cuts more, when Slack still refuses the message) before the highlights would.
 */
export function digestMainBlocks(digest: DigestMessage, options: { maxBoardBlocks?: number } = {}): Block[] {
  const zh = digest.locale === "zh";
  const head: Block[] = [header(digest.title, "title")];
  if (digest.lateNote !== null)
    head.push(section(`:warning: *${escapeMrkdwn(digest.lateNote)}*`, { blockId: "late" }));
  const tasks = zh ? `${digest.taskCount} 项任务` : `${digest.taskCount} tasks`;
  head.push(
    context(`${escapeMrkdwn(digest.asOf)} · ${tasks} · ${lightCountsMrkdwn(digest.totals)}`, "totals"),
  );
  const tail: Block[] = [
    section(digest.highlights.map((line) => `• ${escapeMrkdwn(line)}`).join("\n"), { blockId: "highlights" }),
  ];
  if (digest.assessment !== null) tail.push(...assessmentBlocks(digest.assessment, zh));
  const chart = digest.chart === null ? "" : zh ? "进展图、" : "the chart, ";
  tail.push(
    context(
      zh
        ? `${chart}部门名单、逾期、受阻和办结明细见本消息的话题。`
        : `${chart}Departments, overdue, blocked and closed items are in this message's thread.`,
      "details",
    ),
  );
  // each clicker gets their own sign-in link to the web board (a link in the message would be one for all)
  tail.push(
    actions(
      [
        {
          type: "button",
          action_id: ACTION_IDS.webBoard,
          text: plainText(zh ? "在网页中查看" : "Open the board", BLOCK_LIMITS.buttonText),
          value: "board",
        },
      ],
      "web_board",
    ),
  );
  // a digest queued before this field existed has none (`undefined`)
  if (digest.calendarNote) tail.push(context(`:warning: ${escapeMrkdwn(digest.calendarNote)}`, "calendar"));
  const boardRoom = BLOCK_LIMITS.messageBlocks - head.length - tail.length;
  const board = boardSectionBlocks(digest.sections, "digest").slice(
    0,
    Math.max(0, Math.min(options.maxBoardBlocks ?? boardRoom, boardRoom)),
  );
  // the board gives way (whole sections of it) before the title, highlights and lists would
  let room = MESSAGE_TEXT_BUDGET - blockTextLength(head) - blockTextLength(tail);
  const kept = board.filter((block) => {
    room -= blockTextLength(block);
    return room >= 0;
  });
  return [...head, ...kept, ...tail];
}

/** 表扬 / 通报 of the month or quarter ending: the units named with their scores, and where the formula is. */
function assessmentBlocks(assessment: DigestAssessment, zh: boolean): Block[] {
  const names = (units: readonly string[]) =>
    units.length === 0 ? noneLine(zh) : escapeMrkdwn(units.join(zh ? "、" : ", "));
  const text = [
    `*${escapeMrkdwn(assessment.title)}*`,
    `:star: *${zh ? "表扬" : "Praised (表扬)"}*${zh ? "：" : ": "}${names(assessment.praise)}`,
    `:warning: *${zh ? "通报" : "Lagging (通报)"}*${zh ? "：" : ": "}${names(assessment.lagging)}`,
  ].join("\n");
  return [
    section(clip(text, BLOCK_LIMITS.sectionText), { blockId: "assessment" }),
    context(escapeMrkdwn(assessment.note), "assessment.note"),
  ];
}

/** "_无_" / "_none_": an empty list. */
function noneLine(zh: boolean): string {
  return `_${slackWords.none[zh ? "zh" : "en"]}_`;
}

function entryLine(entry: DigestList["entries"][number], brief: boolean): string {
  const task = `${entry.measureLabel}${clip(entry.measureTitle, brief ? 8 : 24)} · ${entry.departmentName}`;
  return `• ${escapeMrkdwn(task)} — ${escapeMrkdwn(clip(entry.detail, brief ? 40 : 300))}`;
}

/** A list's lines: every entry (briefly when there are many), and where the rest is. */
function listLines(list: DigestList, zh: boolean): string[] {
  const lines: string[] = [];
  if (list.total === 0) lines.push(noneLine(zh));
  const brief = list.entries.length > BRIEF_AFTER;
  for (const entry of list.entries) lines.push(entryLine(entry, brief));
  const hidden = list.total - list.entries.length;
  if (hidden > 0)
    lines.push(
      zh
        ? `_…还有 ${hidden} 项未列出：见督查人员的 App Home（督办）和台账（\`/duban export\`）。_`
        : `_…and ${hidden} more not listed: see the supervisors' App Home (Duban) and the ledger (\`/duban export\`)._`,
    );
  if (brief)
    lines.push(
      zh
        ? "_每项仅列摘要；完整内容见督查人员的 App Home（督办）和台账（`/duban export`，进展记录）。_"
        : "_Each item in brief; the full text is in the supervisors' App Home (Duban) and the ledger (`/duban export`)._",
    );
  return lines;
}

/** Every department's name, a dozen to a line. */
function departmentLines(names: readonly string[], zh: boolean): string[] {
  if (names.length === 0) return [noneLine(zh)];
  const lines: string[] = [];
  for (let start = 0; start < names.length; start += 12) {
    lines.push(escapeMrkdwn(names.slice(start, start + 12).join(zh ? "、" : ", ")));
  }
  return lines;
}

/**
 * The digest's thread: the departments that did and did not report (every one of them), then the overdue,
 * blocked, done and approved lists, in as many posts as they need, each within 50 blocks and the text budget.
 * Nothing is dropped: a list that goes on in the next post opens it with its title and "（续）".
 */
export function digestThreadMessages(digest: DigestMessage): Array<{ text: string; blocks: Block[] }> {
  const zh = digest.locale === "zh";
  const locale = zh ? "zh" : "en";
  const departments = [digest.notReported, digest.reported].map((group) => ({
    title: countedTitle(group.title, group.departments.length, locale),
    lines: departmentLines(group.departments, zh),
  }));
  const entries = [digest.overdue, digest.blocked, digest.completed, digest.approved].map((list) => ({
    title: countedTitle(list.title, list.total, locale),
    lines: listLines(list, zh),
  }));
  const parts: Block[][] = [];
  let current: Block[] = [];
  let used = 0;
  const close = () => {
    if (current.length > 0) parts.push(current);
    current = [];
    used = 0;
  };
  for (const list of [...departments, ...entries]) {
    const title = escapeMrkdwn(list.title);
    linesToSections(list.lines, THREAD_SECTION_TEXT).forEach((text, index) => {
      // a list's first section carries its title; a later one only when it opens a post
      const render = (opensPost: boolean) =>
        index === 0
          ? `*${title}*\n${text}`
          : opensPost
            ? `*${title}${zh ? "（续）" : " (continued)"}*\n${text}`
            : text;
      let body = render(current.length === 0);
      const size = (candidate: string) => [...candidate].length;
      if (
        current.length > 0 &&
        (used + size(body) > MESSAGE_TEXT_BUDGET || current.length >= BLOCK_LIMITS.messageBlocks)
      ) {
        close();
        body = render(true);
      }
      current.push(section(body, { blockId: `detail.${parts.length}.${current.length}` }));
      used += size(body);
    });
  }
  close();
  return parts.map((blocks, index) => ({
    text: clip(`${digest.title}（${index + 1}/${parts.length}）`, BLOCK_LIMITS.fallbackText),
    blocks,
  }));
}

/**
 * A thread message Slack still refused as too long (msg_blocks_too_long), in two: its blocks halved, or a
 * single section's lines halved. Null when it cannot be split further (one line).
 */
export function splitThreadPart(part: {
  text: string;
  blocks: Block[];
}): [{ text: string; blocks: Block[] }, { text: string; blocks: Block[] }] | null {
  const { text, blocks } = part;
  if (blocks.length > 1) {
    const middle = Math.ceil(blocks.length / 2);
    return [
      { text, blocks: blocks.slice(0, middle) },
      { text, blocks: blocks.slice(middle) },
    ];
  }
  const [only] = blocks;
  const lines = only?.type === "section" ? (only.text?.text ?? "").split("\n") : [];
  if (lines.length < 2) return null;
  const middle = Math.ceil(lines.length / 2);
  const id = only?.block_id ?? "detail";
  return [
    { text, blocks: [section(lines.slice(0, middle).join("\n"), { blockId: `${id}.a` })] },
    { text, blocks: [section(lines.slice(middle).join("\n"), { blockId: `${id}.b` })] },
  ];
}
