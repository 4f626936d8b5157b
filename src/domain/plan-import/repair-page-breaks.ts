import {
  ADDRESSEE_LINE,
  CLOSING_LINE,
  DATE_LINE,
  isMeasureHeadingOnly,
  isSectionHeading,
  MEASURE_LABEL,
  SUB_ITEM,
  TITLE_ENDING,
} from "./plan-patterns.ts";
import type { Paragraph } from "./plan-types.ts";

/** A line break inside a sentence that was joined, for the importer's warnings. */
export interface PageBreakRepair {
  line: number;
  before: string;
  after: string;
}

const ENDS_PARAGRAPH = /[。！？!?；;：:）)」』】]$/;
const CONTINUES = /[、，,“‘《〈（(【—-]$/;
/** A paragraph this long that ends without punctuation was cut, not finished (headings are shorter). */
const CUT_LENGTH = 20;

function startsStructure(line: string): boolean {
  return (
    MEASURE_LABEL.test(line) ||
    isSectionHeading(line) ||
    CLOSING_LINE.test(line) ||
    DATE_LINE.test(line) ||
    ADDRESSEE_LINE.test(line) ||
    SUB_ITEM.test(line)
  );
}

function standsAlone(paragraph: string): boolean {
  return (
    isSectionHeading(paragraph) ||
    isMeasureHeadingOnly(paragraph) ||
    DATE_LINE.test(paragraph) ||
    (TITLE_ENDING.test(paragraph) && !/[，。]/.test(paragraph))
  );
}

function endsSentence(paragraph: string): boolean {
  if (ENDS_PARAGRAPH.test(paragraph)) return true;
  return /[。！？!?][”’]$/.test(paragraph);
}

function shouldJoin(paragraph: string, next: string): boolean {
  if (startsStructure(next) || standsAlone(paragraph) || endsSentence(paragraph)) return false;
  if (CONTINUES.test(paragraph)) return true;
  return paragraph.length >= CUT_LENGTH;
}

function cleanLine(line: string): string {
  return line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/**
 * Splits a plan's text into paragraphs, joining line breaks that fall inside a sentence (page breaks
 * split words: "农村电商\n\n等", "利益联结机\n\n制") and keeping real paragraph breaks. Joins across a
 * blank line are reported as repairs so a human can check them; plain line wraps are not.
 */
export function repairPageBreaks(text: string): { paragraphs: Paragraph[]; repairs: PageBreakRepair[] } {
  const paragraphs: Paragraph[] = [];
  const repairs: PageBreakRepair[] = [];
  let blankBefore = false;
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  lines.forEach((raw, index) => {
    const line = cleanLine(raw);
    if (line === "") {
      blankBefore = true;
      return;
    }
    const current = paragraphs.at(-1);
    if (current !== undefined && shouldJoin(current.text, line)) {
      const space = /[A-Za-z0-9]$/.test(current.text) && /^[A-Za-z0-9]/.test(line) ? " " : "";
      if (blankBefore)
        repairs.push({ line: index + 1, before: current.text.slice(-8), after: line.slice(0, 8) });
      current.text += space + line;
    } else {
      paragraphs.push({ text: line, line: index + 1 });
    }
    blankBefore = false;
  });
  return { paragraphs, repairs };
}
