import { parseChineseNumeral } from "../text/chinese-numerals.ts";
import { CLOSING_LINE, DATE_LINE, isSectionHeading, MEASURE_LABEL } from "./plan-patterns.ts";
import type { Paragraph } from "./plan-types.ts";

/** A numbered measure as found in the document, before its parts are parsed. */
export interface RawMeasure {
  /** The number printed in its label ("（十七）" -> 17). */
  printedNumber: number;
  section: string | null;
  line: number;
  /** The measure's paragraphs, the label removed from the first. */
  paragraphs: Paragraph[];
}

export interface SplitPlan {
  /** Paragraphs before the first section heading or measure: title, preamble. */
  intro: Paragraph[];
  measures: RawMeasure[];
  /** The closing block after the last measure: signature, date, 主送, 抄送, 印发. */
  closing: Paragraph[];
  /** Sections after the first measure that hold text but no numbered measure. */
  unnumberedSections: string[];
}

const SIGNATURE_MAX_LENGTH = 30;

function isClosing(text: string): boolean {
  return DATE_LINE.test(text) || CLOSING_LINE.test(text);
}

function isSignature(paragraph: Paragraph | undefined): boolean {
  return (
    paragraph !== undefined &&
    paragraph.text.length <= SIGNATURE_MAX_LENGTH &&
    !/[。，；：）)]/.test(paragraph.text)
  );
}

/** Splits paragraphs into intro, numbered measures (with their sections) and the closing block. */
export function splitMeasures(paragraphs: readonly Paragraph[]): SplitPlan {
  const result: SplitPlan = { intro: [], measures: [], closing: [], unnumberedSections: [] };
  let section: string | null = null;
  let sectionHasText = false;
  let current: RawMeasure | null = null;
  const closeSection = () => {
    if (section !== null && sectionHasText && result.measures.length > 0)
      result.unnumberedSections.push(section);
  };
  for (const [index, paragraph] of paragraphs.entries()) {
    if (result.measures.length > 0 && isClosing(paragraph.text)) {
      const signature = current?.paragraphs.at(-1);
      if (current !== null && current.paragraphs.length > 1 && isSignature(signature)) {
        result.closing.push(current.paragraphs.pop() as Paragraph);
      }
      closeSection();
      result.closing.push(...paragraphs.slice(index));
      return result;
    }
    const label = MEASURE_LABEL.exec(paragraph.text);
    const printedNumber = label === null ? null : parseChineseNumeral(label[1] ?? "");
    if (label !== null && printedNumber !== null) {
      current = {
        printedNumber,
        section,
        line: paragraph.line,
        paragraphs: [{ text: paragraph.text.slice(label[0].length), line: paragraph.line }],
      };
      result.measures.push(current);
      sectionHasText = false;
    } else if (isSectionHeading(paragraph.text)) {
      closeSection();
      section = paragraph.text;
      sectionHasText = false;
      current = null;
    } else if (current !== null) {
      current.paragraphs.push(paragraph);
    } else if (section === null) {
      result.intro.push(paragraph);
    } else {
      sectionHasText = true;
    }
  }
  closeSection();
  return result;
}
