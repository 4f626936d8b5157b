import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.ts";
import { fixedClock, recordingCliIo } from "../../support/recording-cli-io.ts";

const dataDir = mkdtempSync(join(tmpdir(), "duban-doctor-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const doctorAt = async (iso: string) => {
  const io = recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: dataDir }, fixedClock(iso));
  const code = await runCli(["doctor"], io);
  return { code, lines: io.stdout };
};

describe("duban doctor and the working-day calendar (notices for 2025 and 2026 shipped)", () => {
  it("says nothing is due in October, and warns from 1 November that next year has no notice", async () => {
    const october = await doctorAt("2026-10-31T23:00:00+08:00");
    expect(october.code).toBe(0);
    expect(october.lines).toContain(
      "✓ calendar      State Council notices for 2025, 2026 (later years: statutory holidays only)",
    );
    expect(october.lines.at(-1)).toBe("all checks passed");

    const november = await doctorAt("2026-11-01T08:00:00+08:00");
    expect(november.code).toBe(0);
    expect(november.lines).toContain(
      "⚠ calendar      2027: statutory holidays only, 调休 not yet known — add the State Council notice: duban calendar import <notice.txt|.docx>",
    );
    expect(november.lines.at(-1)).toBe("all checks passed, 1 warning(s)");
  }, 60_000);

  it("warns all year when this year has no notice", async () => {
    const { lines } = await doctorAt("2027-06-01T10:00:00+08:00");
    expect(lines.some((line) => line.startsWith("⚠ calendar      2027: statutory holidays only"))).toBe(true);
  }, 60_000);
});
