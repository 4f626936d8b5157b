import { describe, expect, it } from "vitest";
import { contentDisposition } from "../../../src/adapters/web/pages/answer-assessment-pages.ts";

describe("contentDisposition (RFC 6266 with an RFC 5987 filename*)", () => {
  it("gives the Chinese name as UTF-8 percent-encoding and an ASCII fallback", () => {
    expect(contentDisposition("督办台账-nanyang-2026-Q4.xlsx")).toBe(
      `attachment; filename="ledger-nanyang-2026-Q4.xlsx"; filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E5%8F%B0%E8%B4%A6-nanyang-2026-Q4.xlsx`,
    );
  });

  it("percent-encodes what is not an attr-char (' ( ) * and spaces) and keeps quotes out of the fallback", () => {
    const header = contentDisposition(`台账 (a'b*"c").xlsx`);
    const [, fallback, encoded] = /filename="([^"]*)"; filename\*=UTF-8''(.*)$/.exec(header) ?? [];
    expect(fallback).toBe("ledger-(a'b*c).xlsx");
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded ?? "")).toBe(`台账 (a'b*"c").xlsx`);
  });
});
