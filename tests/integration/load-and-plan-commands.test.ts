import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { recordingCliIo } from "../support/recording-cli-io.ts";

const dataDir = mkdtempSync(join(tmpdir(), "duban-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const io = () => recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: dataDir });

describe("duban load / duban plan on the embedded database", () => {
  it("--dry-run writes nothing, load writes, a second load changes nothing, plan prints the table", async () => {
    const dry = io();
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml", "--dry-run"], dry)).toBe(0);
    expect(dry.stdout.join("\n")).toMatch(/measures\s+21 added/);
    expect(dry.stdout.join("\n")).toContain("dry run: nothing was written");

    const noPlan = io();
    expect(await runCli(["plan"], noPlan)).toBe(2);
    expect(noPlan.stderr.join("")).toContain("no plan is loaded yet");

    const first = io();
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], first)).toBe(0);
    expect(first.stdout.join("\n")).toMatch(/measures\s+21 added, 0 restored, 0 updated, 0 archived/);

    const second = io();
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], second)).toBe(0);
    expect(second.stdout.join("\n")).toContain("nothing changed");

    const plan = io();
    expect(await runCli(["plan"], plan)).toBe(0);
    const table = plan.stdout.join("\n");
    expect(table).toContain("（二十一）");
    expect(table).toMatch(
      /（五）.*市人力资源社会保障局\*、市发展改革委、市乡村振兴局、市财政局、人行南阳中心支行、南阳银保监局/,
    );

    const json = io();
    expect(await runCli(["plan", "--json"], json)).toBe(0);
    const parsed = JSON.parse(json.stdout.join(""));
    expect(parsed.measures).toHaveLength(21);
  }, 120_000);

  it("refuses a missing or invalid workflow with one line and exit code 2", async () => {
    const missing = io();
    expect(await runCli(["load", "workflows/nope.yaml"], missing)).toBe(2);
    expect(missing.stderr).toHaveLength(1);
  });
});
