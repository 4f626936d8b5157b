/** Patterns that recognise the parts of an implementation plan (实施方案). Shared by the parsing steps. */

const NUMERAL = "[一二三四五六七八九十百零〇两]+";

/** A numbered measure at the start of a paragraph: "（一）", "(十七) ", "（ 三 ）", any bracket width. */
export const MEASURE_LABEL = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*`);

/** A section heading: "二、因地制宜推动…". Must be short and hold no full sentence. */
export const SECTION_HEADING = new RegExp(`^(${NUMERAL})\\s*[、．]\\s*(\\S.*)$`);

/** A date on its own line, Arabic or Chinese digits, optionally followed by 印发 (printed). */
export const DATE_LINE =
  /^(?:(.+?)\s+)?(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(印发)?$/;

/** Lines of the closing block (版记) and similar: recipients, copies, attachments. */
export const CLOSING_LINE = /^(?:主送|抄送|抄报|附件|附：)\s*[：:]?/;

/** An addressee line at the top of a document: "各县（市、区）人民政府，市人民政府各部门：". */
export const ADDRESSEE_LINE = /^各.{1,60}[：:]$/;

/** Numbered sub-items inside a measure: "1．", "2.", "（1）". */
export const SUB_ITEM = /^(?:\d{1,2}\s*[．.、](?!\d)|[（(]\d{1,2}[）)])/;

/**
 * A numbered item at the start of a paragraph: "1." / "1．" / "1、" / "（1）" / "(1)". Under a group
 * heading ("（一）…实施如下重点项目：") or directly under a section, items are the measures.
 */
export const ITEM_LABEL = /^(?:(\d{1,3})\s*[．.、](?!\d)|[（(]\s*(\d{1,3})\s*[）)])\s*/;

/** Words a document title ends with (optionally followed by "（试行）"). */
export const TITLE_ENDING =
  /(?:方案|意见|通知|办法|计划|规划|细则|要点|措施|决定)(?:[（(][^）)]{1,6}[）)])?$/;

/**
 * True when a paragraph is a section heading rather than body text: short, no sentence inside; a
 * comma only in a heading of two short phrases ("二、丰富产品供给，完善服务体系").
 */
export function isSectionHeading(text: string): boolean {
  if (!SECTION_HEADING.test(text) || text.length > 50) return false;
  const inner = text.slice(0, -1);
  if (/[。；]/.test(inner)) return false;
  return (
    !/，/.test(inner) ||
    (text.length <= 30 && !/[。，；：:]$/.test(text) && (inner.match(/，/g) ?? []).length === 1)
  );
}

/** True when a paragraph that opens a measure is only its heading ("（一）加强组织领导"), with no sentence. */
export function isMeasureHeadingOnly(text: string): boolean {
  return MEASURE_LABEL.test(text) && !/[。，、；：！？]/.test(text.replace(MEASURE_LABEL, ""));
}
