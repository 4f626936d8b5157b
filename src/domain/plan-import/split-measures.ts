import { parseChineseNumeral } from "../text/chinese-numerals.ts";
import { parseLeadClause } from "./parse-lead-clause.ts";
import {
  CLOSING_LINE,
  DATE_LINE,
  ITEM_LABEL,
  isSectionHeading,
  MEASURE_LABEL,
  SECTION_HEADING,
} from "./plan-patterns.ts";
import type { Paragraph } from "./plan-types.ts";

/** A numbered measure as found in the document, before its parts are parsed. */
export interface RawMeasure {
  /** The number printed in its label ("（十七）" -> 17, "2." -> 2). */
  printedNumber: number;
  /** The label as printed, brackets full-width: "（十七）", "2.", "（1）". */
  label: string;
  /** "measure" for "（一）" labels, "item" for "1." / "（1）" items under a group heading or a section. */
  kind: "measure" | "item";
  section: string | null;
  /** The group heading an item stands under: "（一）科技人才行动计划". */
  group: string | null;
  line: number;
  /** The measure's paragraphs, the label removed from the first. */
  paragraphs: Paragraph[];
}

/** A printed number, for checking the numbering: measures, items and group headings. */
export interface NumberedEntry {
  kind: "measure" | "item";
  printedNumber: number;
  line: number;
  /** Where a restart at 1 is expected: the section, and the group for items. */
  scope: string;
  /** False for a group heading: it is numbered but is not a measure. */
  isMeasure: boolean;
}

export interface SplitPlan {
  /** Paragraphs before the first section heading or measure: title, preamble. */
  intro: Paragraph[];
  measures: RawMeasure[];
  /** Every printed number of measures and group headings, in document order. */
  numbered: NumberedEntry[];
  /** The closing block after the last measure: signature, date, 主送, 抄送, 印发. */
  closing: Paragraph[];
  /** Sections after the first measure that hold text but no numbered measure. */
  unnumberedSections: string[];
  /** Paragraphs after the clause that ends a measure (funding notes, 附则): part of no measure. */
  detached: { paragraph: Paragraph; after: string }[];
}

interface Item {
  label: string;
  printedNumber: number;
  line: number;
  paragraphs: Paragraph[];
}

interface Block {
  kind: "measure" | "item";
  item: Item;
  /** Items under a "（一）" block: its sub-items, or the measures when it is a group heading. */
  items: Item[];
}

interface Section {
  heading: string | null;
  blocks: Block[];
  hasText: boolean;
}

const SIGNATURE_MAX_LENGTH = 30;

function isClosing(text: string): boolean {
  return DATE_LINE.test(text) || CLOSING_LINE.test(text);
}

function isSignature(text: string): boolean {
  return text.length <= SIGNATURE_MAX_LENGTH && !/[。，；：）)]/.test(text);
}

/**
 * An item number run into a title that starts with digits ("3.12345热线人才项目"): read as the item only
 * when it is the number that comes next.
 */
const ITEM_BEFORE_DIGITS = /^(\d{1,3})\s*[．.](?=\d)/;

type Labelled = { item: Item; kind: "measure" | "item" };

function labelled(
  kind: Labelled["kind"],
  label: string,
  printedNumber: number,
  rest: string,
  line: number,
): Labelled {
  return { kind, item: { label, printedNumber, line, paragraphs: [{ text: rest, line }] } };
}

/**
 * A paragraph "一、对…的地区，予以倾斜。（财政部负责）" in a document without "（一）" labels: its
 * top-level items are the measures when they end with a clause.
 */
function readTopLevelMeasure({ text, line }: Paragraph): Labelled | null {
  const match = SECTION_HEADING.exec(text);
  const number = match === null ? null : parseChineseNumeral(match[1] ?? "");
  if (match === null || number === null || isSectionHeading(text)) return null;
  const rest = match[2] ?? "";
  return parseLeadClause(rest) === null ? null : labelled("measure", `${match[1]}、`, number, rest, line);
}

/** The label a paragraph starts with: "（一）" (a measure or group heading) or "1." / "（1）" (an item). */
function readLabel(paragraph: Paragraph, nextItem: number, topLevel: boolean): Labelled | null {
  if (topLevel) return readTopLevelMeasure(paragraph);
  const { text, line } = paragraph;
  const measure = MEASURE_LABEL.exec(text);
  const number = measure === null ? null : parseChineseNumeral(measure[1] ?? "");
  if (measure !== null && number !== null)
    return labelled("measure", `（${measure[1]}）`, number, text.slice(measure[0].length), line);
  const before = ITEM_BEFORE_DIGITS.exec(text);
  const numbered = ITEM_LABEL.exec(text) ?? (Number(before?.[1]) === nextItem ? before : null);
  if (numbered === null) return null;
  const digits = numbered[1] ?? numbered[2] ?? "";
  const label = numbered[1] === undefined ? `（${digits}）` : numbered[0].trim().replace(/\s+/g, "");
  return labelled("item", label, Number(digits), text.slice(numbered[0].length), line);
}

function endsWithClause(paragraphs: readonly Paragraph[]): boolean {
  return parseLeadClause(paragraphs.map((paragraph) => paragraph.text).join("\n")) !== null;
}

/** A "（一）" block is a group heading when its own text has no clause and its items carry their own. */
function isGroupHeading(block: Block): boolean {
  if (block.kind !== "measure" || block.items.length === 0 || endsWithClause(block.item.paragraphs))
    return false;
  const withClause = block.items.filter((item) => endsWithClause(item.paragraphs)).length;
  return withClause >= Math.min(2, block.items.length);
}

function groupTitle(block: Block): string {
  const first = block.item.paragraphs[0]?.text ?? "";
  const end = first.search(/[。：:]/);
  return `${block.item.label}${end < 0 ? first : first.slice(0, end)}`;
}

/** Moves the paragraphs after the last clause-ending paragraph out of the measure. */
function detachAfterClause(measure: RawMeasure, detached: SplitPlan["detached"]): void {
  const last = measure.paragraphs.findLastIndex((_, index) =>
    endsWithClause(measure.paragraphs.slice(index, index + 1)),
  );
  if (last < 0 || last === measure.paragraphs.length - 1) return;
  for (const paragraph of measure.paragraphs.splice(last + 1))
    detached.push({ paragraph, after: measure.label });
}

function buildSections(body: readonly Paragraph[], intro: Paragraph[], topLevel: boolean): Section[] {
  const sections: Section[] = [{ heading: null, blocks: [], hasText: false }];
  let block: Block | null = null;
  let item: Item | null = null;
  let lastItemNumber = 0;
  for (const paragraph of body) {
    const section = sections.at(-1) as Section;
    const label = readLabel(paragraph, lastItemNumber + 1, topLevel);
    if (label?.kind === "item") lastItemNumber = label.item.printedNumber;
    if (label !== null && (label.kind === "measure" || block !== null || section.heading !== null)) {
      const found = label.item;
      if (label.kind === "item" && block?.kind === "measure") {
        block.items.push(found);
        item = found;
      } else {
        block = { kind: label.kind, item: found, items: [] };
        section.blocks.push(block);
        item = null;
      }
    } else if (isSectionHeading(paragraph.text)) {
      sections.push({ heading: paragraph.text, blocks: [], hasText: false });
      block = null;
      item = null;
    } else if (item !== null) {
      item.paragraphs.push(paragraph);
    } else if (block !== null) {
      block.item.paragraphs.push(paragraph);
    } else if (section.heading === null && section.blocks.length === 0) {
      intro.push(paragraph);
    } else {
      section.hasText = true;
    }
  }
  return sections;
}

/**
 * Splits paragraphs into intro, measures (with their sections and group headings) and the closing
 * block. Measures are "（一）" paragraphs, or the "1." / "（1）" items under a "（一）" group heading
 * whose items carry their own clauses, or items directly under a section; otherwise "1." items are
 * sub-items of their measure. A document with neither reads "一、…（X负责）" paragraphs as measures.
 * Paragraphs after the clause that ends a measure are not part of it.
 */
export function splitMeasures(paragraphs: readonly Paragraph[]): SplitPlan {
  let firstLabel = paragraphs.findIndex(
    (paragraph) => MEASURE_LABEL.test(paragraph.text) || ITEM_LABEL.test(paragraph.text),
  );
  const topLevel = firstLabel < 0;
  if (topLevel) firstLabel = paragraphs.findIndex((paragraph) => readTopLevelMeasure(paragraph) !== null);
  const closingAt = paragraphs.findIndex(
    (paragraph, index) => index > firstLabel && isClosing(paragraph.text),
  );
  let bodyEnd = firstLabel < 0 || closingAt < 0 ? paragraphs.length : closingAt;
  const last = paragraphs[bodyEnd - 1];
  if (
    closingAt >= 0 &&
    last !== undefined &&
    isSignature(last.text) &&
    readLabel(last, 0, false) === null &&
    !isSectionHeading(last.text)
  )
    bodyEnd--;
  const result: SplitPlan = {
    intro: [],
    measures: [],
    numbered: [],
    closing: paragraphs.slice(bodyEnd),
    unnumberedSections: [],
    detached: [],
  };
  const sections = buildSections(paragraphs.slice(0, bodyEnd), result.intro, topLevel);
  for (const section of sections) {
    const scope = section.heading ?? "";
    if (
      section.hasText &&
      section.blocks.length === 0 &&
      result.measures.length > 0 &&
      section.heading !== null
    )
      result.unnumberedSections.push(section.heading);
    for (const block of section.blocks) {
      const { item } = block;
      const group = isGroupHeading(block);
      result.numbered.push({
        kind: block.kind,
        printedNumber: item.printedNumber,
        line: item.line,
        scope,
        isMeasure: !group,
      });
      const toMeasure = (entry: Item, kind: RawMeasure["kind"], groupName: string | null): RawMeasure => ({
        printedNumber: entry.printedNumber,
        label: entry.label,
        kind,
        section: section.heading,
        group: groupName,
        line: entry.line,
        paragraphs: entry.paragraphs,
      });
      if (group) {
        const name = groupTitle(block);
        for (const entry of block.items) {
          result.numbered.push({
            kind: "item",
            printedNumber: entry.printedNumber,
            line: entry.line,
            scope: `${scope}/${name}`,
            isMeasure: true,
          });
          result.measures.push(toMeasure(entry, "item", name));
        }
      } else {
        const subItems = block.items.map((entry) => ({
          text: `${entry.label}${entry.paragraphs[0]?.text ?? ""}`,
          line: entry.line,
        }));
        const merged = [
          ...item.paragraphs,
          ...block.items.flatMap((entry, index) => [
            subItems[index] as Paragraph,
            ...entry.paragraphs.slice(1),
          ]),
        ];
        result.measures.push(toMeasure({ ...item, paragraphs: merged }, block.kind, null));
      }
    }
  }
  for (const measure of result.measures) detachAfterClause(measure, result.detached);
  return result;
}
