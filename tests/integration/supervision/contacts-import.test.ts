import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContactsFile } from "../../../src/adapters/files/read-contacts-file.ts";
import { registerContactsCommand } from "../../../src/cli/commands/contacts-command.ts";
import { runCli } from "../../../src/cli/main.ts";
import { createFakeUserDirectory } from "../../fakes/fake-user-directory.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";
import { createSupervisionFixture, type SupervisionFixture } from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const dir = mkdtempSync(join(tmpdir(), "duban-contacts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const directory = () =>
  createFakeUserDirectory({
    "zhangsan@hr.nanyang.gov.cn": { externalId: "UZHANG", displayName: "张三", locale: "zh-CN" },
    "lisi@nyagri.gov.cn": { externalId: "ULI", displayName: "Li Si", locale: "en-US" },
    "zhao@dc.nanyang.gov.cn": { externalId: "UZHAO", displayName: "赵督查", locale: "zh-CN" },
  });

const CSV = [
  "部门,姓名,邮箱,角色",
  "市人力资源社会保障局,张三,zhangsan@hr.nanyang.gov.cn,联络员",
  '农业农村局,"Li, Si",lisi@nyagri.gov.cn,',
  ",赵督查,zhao@dc.nanyang.gov.cn,督查人员",
  "市不存在局,钱八,qianba@nanyang.gov.cn,联络员",
  "市财政局,孙七,nobody@nanyang.gov.cn,联络员",
  "市财政局,周九,not-an-email,局长",
  "",
].join("\r\n");

describe("reading contacts files", () => {
  it("reads a GBK CSV (as Excel saves it) with Chinese headers, quoted fields and row numbers", async () => {
    const path = join(dir, "contacts.csv");
    writeFileSync(path, iconv.encode(CSV, "gbk"));
    const rows = await readContactsFile(path, "contacts.csv");
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual({
      line: 3,
      department: "农业农村局",
      name: "Li, Si",
      email: "lisi@nyagri.gov.cn",
      role: "",
    });
  });

  it("reads the first worksheet of an .xlsx with English headers in any order", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("contacts");
    sheet.addRow(["Email", "Name", "Department", "Role"]);
    sheet.addRow(["zhangsan@hr.nanyang.gov.cn", "张三", "市人力资源社会保障局", "contact"]);
    sheet.addRow([]);
    sheet.addRow(["zhao@dc.nanyang.gov.cn", "赵督查", "", "Supervisor"]);
    const path = join(dir, "contacts.xlsx");
    await workbook.xlsx.writeFile(path);
    const rows = await readContactsFile(path, "contacts.xlsx");
    expect(rows).toEqual([
      {
        line: 2,
        department: "市人力资源社会保障局",
        name: "张三",
        email: "zhangsan@hr.nanyang.gov.cn",
        role: "contact",
      },
      { line: 4, department: "", name: "赵督查", email: "zhao@dc.nanyang.gov.cn", role: "Supervisor" },
    ]);
  });

  it("refuses other formats and a file without the needed headers, with one line", async () => {
    await expect(readContactsFile(join(dir, "contacts.txt"), "contacts.txt")).rejects.toThrow(
      "give a .csv or .xlsx file",
    );
    const path = join(dir, "no-headers.csv");
    writeFileSync(path, "张三,zhangsan@hr.nanyang.gov.cn\n");
    await expect(readContactsFile(path, "no-headers.csv")).rejects.toThrow(
      /missing: department, name, email/,
    );
  });
});

describe.each(testDatabaseTargets())("importing contacts on %s", (target) => {
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  it("imports the rows it can and lists unknown departments, unknown e-mails and bad rows", async () => {
    const path = join(dir, "import.csv");
    writeFileSync(path, CSV);
    const result = await f.core.importContacts(await readContactsFile(path), directory());
    expect(result.imported.map((row) => [row.line, row.name, row.department, row.role])).toEqual([
      [2, "张三", "市人力资源社会保障局", "CONTACT"],
      [3, "Li Si", "市农业农村局", "CONTACT"],
      [4, "赵督查", null, "SUPERVISOR"],
    ]);
    expect(result.unknownDepartments).toEqual([{ line: 5, department: "市不存在局" }]);
    expect(result.unknownEmails).toEqual([
      { line: 5, email: "qianba@nanyang.gov.cn" },
      { line: 6, email: "nobody@nanyang.gov.cn" },
    ]);
    expect(result.invalidRows).toEqual([
      { line: 7, problem: 'unknown role "局长" (联络员, 督查人员, 管理员, 读者)' },
      { line: 7, problem: 'not an e-mail address: "not-an-email"' },
    ]);

    const zhang = await f.core.identify({ platform: "slack", externalId: "UZHANG" });
    expect(zhang).toMatchObject({
      role: "CONTACT",
      departmentIds: ["city-human-resources"],
      email: "zhangsan@hr.nanyang.gov.cn",
    });
    expect(await f.db.prisma.auditEvent.count({ where: { action: "contact.import" } })).toBe(3);

    const again = await f.core.importContacts(await readContactsFile(path), directory());
    expect(again.imported.every((row) => !row.contactAdded && !row.roleChanged)).toBe(true);
    expect(await f.db.prisma.contact.count()).toBe(2);
  });
});

describe("duban contacts import", () => {
  it("refuses with one line when no Slack bot token is configured", async () => {
    const io = recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: join(dir, "data") });
    expect(await runCli(["contacts", "import", "contacts.csv"], io)).toBe(2);
    expect(io.stderr).toEqual([
      "duban: contacts import looks people up by e-mail in Slack (users.lookupByEmail): set SLACK_BOT_TOKEN=xoxb-… first",
    ]);
  });

  it("imports through an injected user directory and prints what it skipped", async () => {
    const dataDir = join(dir, "cli-data");
    const env = { DUBAN_DATA_DIR: dataDir };
    expect(
      await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], recordingCliIo(process.cwd(), env)),
    ).toBe(0);
    const path = join(dir, "cli.csv");
    writeFileSync(path, CSV);
    const io = recordingCliIo(process.cwd(), env);
    const program = new Command("duban").exitOverride();
    registerContactsCommand(program, io, { userDirectory: () => directory() });
    await program.parseAsync(["contacts", "import", path], { from: "user" });
    const out = io.stdout.join("\n");
    expect(out).toContain("imported 3 contact row(s)");
    expect(out).toMatch(/unknown departments \(not imported\):\n {2}line 5: 市不存在局/);
    expect(out).toContain("line 6: nobody@nanyang.gov.cn");
    expect(io.exitCode).toBe(1);
  }, 60_000);
});
