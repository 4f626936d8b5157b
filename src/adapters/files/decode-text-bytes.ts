import { createRequire } from "node:module";
import { DomainError } from "../../domain/errors.ts";

// iconv-lite and chardet load only for a file that is not UTF-8 (a GBK plan, a UTF-16 export): the calendar and
// workflow files every process reads at start are UTF-8, so the idle bot carries neither (~3 MB of RSS).
const require = createRequire(import.meta.url);
const iconv = (): typeof import("iconv-lite") => require("iconv-lite");
const chardet = (): typeof import("chardet") => require("chardet");

export interface DecodedText {
  text: string;
  /** "UTF-8", "GB18030", "UTF-16LE" ... */
  encoding: string;
}

/** What the file is meant to be: each kind's refusals say how to make a file of that kind. */
export type TextFileKind = "plan" | "contacts" | "workflow" | "calendar";

interface KindAdvice {
  /** The file holds nothing. */
  empty: string;
  /** After "<name> is not a …": what it should be, and how to get one. */
  binary: string;
  /** How to save it in an encoding Duban reads. */
  encoding: string;
}

const ADVICE: Record<TextFileKind, KindAdvice> = {
  plan: {
    empty: "give the plan's text as a .txt or .docx file",
    binary: "text document (it looks binary): give a .txt or .docx file",
    encoding: "save it as UTF-8",
  },
  contacts: {
    empty: "give a table with the headers 部门, 姓名, 邮箱, 角色 (department, name, email, role)",
    binary:
      'CSV text file (it holds NUL or other binary bytes): save the sheet from Excel as "CSV UTF-8", or give the .xlsx workbook',
    encoding: 'save the sheet from Excel as "CSV UTF-8"',
  },
  workflow: {
    empty: "a workflow file lists plan, departments and measures (`duban import <plan>` writes one)",
    binary:
      "YAML text file (it holds NUL or other binary bytes): a workflow file is YAML text, as `duban import <plan>` writes it",
    encoding: "save it as UTF-8",
  },
  calendar: {
    empty: "the working-day calendar lists years with their holidays and makeUpWorkdays",
    binary: "YAML text file (it holds NUL or other binary bytes): restore it from the repository",
    encoding: "save it as UTF-8",
  },
};

const SAMPLE = 8192;
/** Share of CJK among the non-ASCII characters above which a GB18030 reading is believed. */
const CJK_SHARE = 0.9;

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

function readsAsChinese(text: string): boolean {
  const nonAscii = Array.from(text).filter((char) => char.charCodeAt(0) > 0x7f);
  if (text.includes("\uFFFD") || nonAscii.length === 0) return false;
  const cjk = nonAscii.filter((char) =>
    /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2014\u2026]/.test(char),
  );
  return cjk.length >= nonAscii.length * CJK_SHARE;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (common for
 * Chinese government documents), detected. Binary data and unknown encodings are refused with advice for
 * the kind of file it should be (`kind`, default a plan document).
 */
export function decodeTextBytes(bytes: Buffer, name: string, kind: TextFileKind = "plan"): DecodedText {
  const advice = ADVICE[kind];
  if (bytes.length === 0) throw new DomainError(`${kind}-empty`, `${name} is empty: ${advice.empty}`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString("utf8"), encoding: "UTF-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv().decode(bytes.subarray(2), "utf-16le"), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv().decode(bytes.subarray(2), "utf-16be"), encoding: "UTF-16BE" };
  if (looksBinary(bytes)) {
    throw new DomainError(`${kind}-binary`, `${name} is not a ${advice.binary}`);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // not UTF-8: try the Chinese national encoding below
  }
  const gb = iconv().decode(bytes, "gb18030");
  if (readsAsChinese(gb)) return { text: gb, encoding: "GB18030" };
  const detected = chardet().detect(bytes) ?? "unknown";
  throw new DomainError(
    `${kind}-encoding`,
    `cannot read ${name}: it is neither UTF-8 nor GB18030/GBK (it looks like ${detected}); ${advice.encoding}`,
  );
}
