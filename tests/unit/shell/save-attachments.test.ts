import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNoticeMessage } from "../../../src/domain/messages/build-notice-message.ts";
import { XLSX_MIME_TYPE } from "../../../src/domain/messages/outbound-file.ts";
import { type CoreOutcome, outcome } from "../../../src/services/core/core-outcome.ts";
import { createFakeShell, run } from "./fake-shell-context.ts";

const LEDGER = "督办台账-nanyang-relocation-2021-2026-Q4.xlsx";

/** What `/duban export` answers: a notice, and the ledger as an attachment. */
function exported(name: string, bytes: number[]): CoreOutcome {
  return {
    ...outcome([buildNoticeMessage("zh", "success", [`台账已生成：${name}`])]),
    attachments: [{ name, title: "督办台账", mimeType: XLSX_MIME_TYPE, bytes: Uint8Array.from(bytes) }],
  };
}

describe("files the core hands the shell's user", () => {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "duban-shell-attachments-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("are saved in the exports folder, created when missing, and their paths printed after the replies", async () => {
    const exportsDir = join(root, "data", "exports");
    const shell = createFakeShell({ exportsDir });
    shell.core.runCommand.mockResolvedValue(exported(LEDGER, [0x50, 0x4b, 3, 4]));
    const text = await run(shell, "/duban export 2026-Q4");
    const path = join(exportsDir, LEDGER);
    expect(text).toContain(`✓ 台账已生成：${LEDGER}\n✓ 文件已保存：${path}\n`);
    expect([...(await readFile(path))]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it("never overwrite an earlier file of the same name, and stay in the folder whatever the name says", async () => {
    const exportsDir = join(root, "again");
    const shell = createFakeShell({ exportsDir });
    shell.core.runCommand
      .mockResolvedValueOnce(exported(LEDGER, [1]))
      .mockResolvedValueOnce(exported(LEDGER, [2]))
      .mockResolvedValueOnce(exported("../../逃逸.xlsx", [3]));
    const text = await run(shell, "/duban export", "/duban export", "/duban 导出");
    const second = join(exportsDir, "督办台账-nanyang-relocation-2021-2026-Q4 (2).xlsx");
    expect(text).toContain(`✓ 文件已保存：${second}`);
    expect(text).toContain(`✓ 文件已保存：${join(exportsDir, "逃逸.xlsx")}`);
    expect((await readdir(exportsDir)).sort()).toEqual(
      [LEDGER, "督办台账-nanyang-relocation-2021-2026-Q4 (2).xlsx", "逃逸.xlsx"].sort(),
    );
    expect([...(await readFile(join(exportsDir, LEDGER)))]).toEqual([1]);
    expect([...(await readFile(second))]).toEqual([2]);
  });

  it("that cannot be saved are reported in one line, without a stack trace", async () => {
    const blocked = join(root, "not-a-folder");
    await writeFile(blocked, "a file where the exports folder should be");
    const shell = createFakeShell({ exportsDir: blocked });
    shell.core.runCommand.mockResolvedValue(exported(LEDGER, [1]));
    const text = await run(shell, "/duban export", "/duban export");
    expect(text).toContain(
      `✓ 台账已生成：${LEDGER}\n✗ 无法保存文件 ${LEDGER}：EEXIST: file already exists, mkdir '${blocked}'\n`,
    );
    expect(shell.core.runCommand).toHaveBeenCalledTimes(2); // the shell carries on
    expect(text).not.toMatch(/\n\s+at /);
    expect(shell.logged()).toBe("");
  });
});
