import { ADDRESSEE_LINE, TITLE_ENDING } from "./plan-patterns.ts";
import type { Paragraph } from "./plan-types.ts";
import { readDateLine } from "./read-date-line.ts";
import { splitDepartmentNames } from "./split-department-names.ts";

export interface DocumentMetadata {
  title: string | null;
  /** The document's own number (文号), on a line of its own above the text: "国发〔2018〕39号". */
  documentNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  basisDocument: string | null;
  basisTitle: string | null;
  recipients: string[];
  copies: string[];
  /** The city the plan belongs to ("南阳"), from the issuer or the title. */
  city: string | null;
  warnings: string[];
}

const DOCUMENT_NUMBER = /[\u4e00-\u9fa5]{2,}[〔［[]\d{4}[〕］\]]\s*\d+\s*号/;
const CITED = new RegExp(`《([^》]+)》\\s*[（(]\\s*(${DOCUMENT_NUMBER.source})\\s*[）)]`);

/** A letterhead line (红头): "周口市发展和改革委员会文件". */
const LETTERHEAD = /文件$/;

/**
 * The title: the lines before the first sentence that are no 文号, letterhead, addressee or date; a
 * title broken over lines ("国务院关于做好当前和今后一个时期" / "促进就业工作的若干意见") is joined up
 * to the line that ends like a title.
 */
function findTitle(intro: readonly Paragraph[]): string | null {
  const runs: string[][] = [[]];
  for (const { text } of intro) {
    if (/[，。]/.test(text)) break;
    const plain =
      !DOCUMENT_NUMBER.test(text) &&
      !LETTERHEAD.test(text) &&
      !ADDRESSEE_LINE.test(text) &&
      readDateLine(text) === null;
    if (plain) (runs.at(-1) as string[]).push(text);
    else if ((runs.at(-1) as string[]).length > 0) runs.push([]);
  }
  for (const run of runs) {
    const end = run.findIndex((text) => TITLE_ENDING.test(text));
    if (end >= 0) return run.slice(0, end + 1).join("");
  }
  return runs.flat()[0] ?? null;
}

/** The document's own 文号: a line that is only a document number, above the body text. */
function findDocumentNumber(intro: readonly Paragraph[]): string | null {
  for (const { text } of intro) {
    if (/[，。]/.test(text)) break;
    const match = DOCUMENT_NUMBER.exec(text);
    if (match !== null && text.replace(match[0], "").trim() === "") return match[0];
  }
  return null;
}

function listAfter(label: string, closing: readonly Paragraph[]): string[] {
  const paragraph = closing.find(({ text }) => new RegExp(`^${label}\\s*[：:]`).test(text));
  if (paragraph === undefined) return [];
  return splitDepartmentNames(
    paragraph.text.replace(new RegExp(`^${label}\\s*[：:]`), "").replace(/[。.]$/, ""),
  );
}

function findIssuer(
  closing: readonly Paragraph[],
  warnings: string[],
): { issuer: string | null; issuedOn: string | null } {
  const dates = closing.map((paragraph, index) => ({ index, line: readDateLine(paragraph.text) }));
  const signed = dates.find(({ line }) => line !== null && !line.printed);
  const printed = dates.find(({ line }) => line?.printed === true);
  const lineBefore = (index: number) => {
    const text = closing[index - 1]?.text;
    return text !== undefined && !/^(?:主送|抄送|抄报)/.test(text) && !/[。，：:]/.test(text) ? text : null;
  };
  const signature = signed === undefined ? null : lineBefore(signed.index);
  const printingOffice = printed === undefined ? null : (printed.line?.before ?? lineBefore(printed.index));
  const issuedOn = signed?.line?.date ?? printed?.line?.date ?? null;
  if (signed === undefined && printed !== undefined)
    warnings.push(`no signing date found; issuedOn is the printing date ${issuedOn}`);
  if (signature === null && printingOffice !== null) {
    warnings.push(
      `no signature (落款) found above the date; issuer taken from the printing line (印发): ${printingOffice}`,
    );
  }
  if (signature === null && printingOffice === null)
    warnings.push("no issuer found: set plan.issuer by hand");
  if (issuedOn === null) warnings.push("no date found: set plan.issuedOn by hand");
  return { issuer: signature ?? printingOffice, issuedOn };
}

/** Title, issuer, date, basis document, 主送 and 抄送 from a plan's opening and closing paragraphs. */
export function extractMetadata(
  intro: readonly Paragraph[],
  closing: readonly Paragraph[],
): DocumentMetadata {
  const warnings: string[] = [];
  const documentNumber = findDocumentNumber(intro);
  const introText = intro
    .map(({ text }) => text)
    .filter((text) => documentNumber === null || text.trim() !== documentNumber)
    .join("\n");
  const cited = CITED.exec(introText);
  const basisDocument = cited?.[2] ?? DOCUMENT_NUMBER.exec(introText)?.[0] ?? null;
  const title = findTitle(intro);
  const { issuer, issuedOn } = findIssuer(closing, warnings);
  const city = /^([\u4e00-\u9fa5]{2,3}?)市/.exec(issuer ?? title ?? "")?.[1] ?? null;
  return {
    title,
    documentNumber,
    issuer,
    issuedOn,
    basisDocument,
    basisTitle: cited?.[1] ?? null,
    recipients: listAfter("主送", closing),
    copies: listAfter("抄送", closing),
    city,
    warnings,
  };
}
