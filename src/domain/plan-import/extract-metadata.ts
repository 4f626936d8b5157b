import { ADDRESSEE_LINE, TITLE_ENDING } from "./plan-patterns.ts";
import type { Paragraph } from "./plan-types.ts";
import { readDateLine } from "./read-date-line.ts";
import { splitDepartmentNames } from "./split-department-names.ts";

export interface DocumentMetadata {
  title: string | null;
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

function findTitle(intro: readonly Paragraph[]): string | null {
  const candidates: string[] = [];
  for (const { text } of intro) {
    if (/[，。]/.test(text)) break;
    if (!DOCUMENT_NUMBER.test(text) && !ADDRESSEE_LINE.test(text) && readDateLine(text) === null)
      candidates.push(text);
  }
  return candidates.find((text) => TITLE_ENDING.test(text)) ?? candidates[0] ?? null;
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
  const introText = intro.map(({ text }) => text).join("\n");
  const cited = CITED.exec(introText);
  const basisDocument = cited?.[2] ?? DOCUMENT_NUMBER.exec(introText)?.[0] ?? null;
  const title = findTitle(intro);
  const { issuer, issuedOn } = findIssuer(closing, warnings);
  const city = /^([\u4e00-\u9fa5]{2,3}?)市/.exec(issuer ?? title ?? "")?.[1] ?? null;
  return {
    title,
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
