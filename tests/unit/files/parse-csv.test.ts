import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/adapters/files/parse-csv.ts";

describe("parseCsv (RFC 4180)", () => {
  it("splits fields and rows, with CRLF or LF, and no empty row for a final line break", () => {
    expect(parseCsv("a,b\r\nc,d\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,,\n")).toEqual([["a", "", ""]]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    expect(parseCsv('"Li, Si","say ""hi""","two\nlines"\nx')).toEqual([
      ["Li, Si", 'say "hi"', "two\nlines"],
      ["x"],
    ]);
  });
});
