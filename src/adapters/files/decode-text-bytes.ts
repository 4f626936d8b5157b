import chardet from "chardet";
import iconv from "iconv-lite";
import { DomainError } from "../../domain/errors.ts";

export interface DecodedText {
  text: string;
  /** "UTF-8", "GB18030", "UTF-16LE" ... */
  encoding: string;
}

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
 * Chinese government documents), detected. Binary data and unknown encodings are refused.
 */
export function decodeTextBytes(bytes: Buffer, name: string): DecodedText {
  if (bytes.length === 0) throw new DomainError("plan-empty", `${name} is empty`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString("utf8"), encoding: "UTF-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "UTF-16BE" };
  if (looksBinary(bytes)) {
    throw new DomainError(
      "plan-binary",
      `${name} is not a text document (it looks binary): give a .txt or .docx file`,
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // not UTF-8: try the Chinese national encoding below
  }
  const gb = iconv.decode(bytes, "gb18030");
  if (readsAsChinese(gb)) return { text: gb, encoding: "GB18030" };
  const detected = chardet.detect(bytes) ?? "unknown";
  throw new DomainError(
    "plan-encoding",
    `cannot read ${name}: it is neither UTF-8 nor GB18030/GBK (it looks like ${detected}); save it as UTF-8`,
  );
}
