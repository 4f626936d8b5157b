import { describe, expect, it } from "vitest";
import { missingReportFields } from "../../../src/domain/assessment/report-completeness.ts";
import {
  type EvidenceFile,
  evidenceItems,
  filetypeFromName,
  newEvidenceFiles,
} from "../../../src/domain/evidence/report-evidence.ts";
import { buildHistoryMessage } from "../../../src/domain/messages/build-history-message.ts";
import { reportLines } from "../../../src/domain/messages/build-report-receipt.ts";
import type { ReportWithAuthor } from "../../../src/domain/ports/supervision-store.ts";

const pdf: EvidenceFile = {
  fileId: "F0PDF",
  name: "进展报告.pdf",
  filetype: "pdf",
  mimetype: "application/pdf",
  permalink: "https://duban.slack.com/files/U0CONTACT1/F0PDF/进展报告.pdf",
};

const report = (over: Partial<ReportWithAuthor> = {}): ReportWithAuthor => ({
  id: "r1",
  taskId: "t1",
  authorId: "p1",
  authorName: "李娜",
  status: "IN_PROGRESS",
  percent: 80,
  done: "完成招标",
  nextSteps: "签订合同",
  blocker: null,
  evidence: [],
  evidenceFiles: [],
  rawText: null,
  source: "THREAD_REPLY",
  chatChannel: null,
  chatTs: null,
  chatEventId: null,
  editedAt: null,
  withdrawnAt: null,
  createdAt: new Date("2026-11-20T01:30:00Z"),
  ...over,
});

describe("evidence files (佐证材料) count like links", () => {
  it("a report with only a file is complete; with neither a link nor a file it lacks 佐证材料", () => {
    expect(missingReportFields(report({ evidenceFiles: [pdf] }))).toEqual([]);
    expect(missingReportFields(report({ evidence: ["https://example.gov.cn/a"] }))).toEqual([]);
    expect(missingReportFields(report({ evidence: ["  "] }))).toEqual(["佐证材料"]);
  });

  it("lists links, then files with id, name, type and permalink", () => {
    expect(evidenceItems(report({ evidence: ["https://a.cn", ""], evidenceFiles: [pdf] }))).toEqual([
      { kind: "link", url: "https://a.cn" },
      { kind: "file", id: "F0PDF", name: "进展报告.pdf", type: "pdf", permalink: pdf.permalink },
    ]);
  });

  it("the receipt and the history name the file", () => {
    expect(reportLines(report({ evidenceFiles: [pdf] }), "zh")).toContain("佐证材料：进展报告.pdf");
    const history = buildHistoryMessage(
      "zh",
      { label: "（一）", title: "做大做强安置点周边优势特色产业" },
      [{ ...report({ evidenceFiles: [pdf] }), departmentName: "市农业农村局" }],
      "Asia/Shanghai",
    );
    expect(history.entries[0]?.line).toBe(
      "2026-11-20 09:30 市农业农村局 李娜：推进中 80%，完成招标（佐证材料：进展报告.pdf）",
    );
  });

  it("a file shared twice is kept once; a type comes from the name when the platform gives none", () => {
    const photo = { ...pdf, fileId: "F0PNG", name: "现场.PNG" };
    expect(newEvidenceFiles([pdf], [pdf, photo, photo])).toEqual([photo]);
    expect(filetypeFromName("现场.PNG")).toBe("png");
    expect(filetypeFromName("README")).toBeNull();
  });
});
