import { relative, resolve } from "node:path";
import type { Command } from "commander";
import type { Env } from "../../config/env-schema.ts";
import { DomainError } from "../../domain/errors.ts";
import type { UserDirectory } from "../../domain/ports/user-directory.ts";
import type { ContactImportResult } from "../../services/import-contacts.ts";
import { padToWidth } from "../../shared/pad-to-width.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

export interface ContactsCommandOptions {
  /** The chat platform's user directory for the configuration; null when there is none. Tests pass a fake. */
  userDirectory?: (env: Env) => UserDirectory | null;
}

const ROLE_WORDS = { ADMIN: "管理员", SUPERVISOR: "督查人员", CONTACT: "联络员", READER: "读者" } as const;

async function requireDirectory(env: Env, options: ContactsCommandOptions): Promise<UserDirectory> {
  const directory = options.userDirectory?.(env) ?? null;
  if (directory !== null) return directory;
  if (!env.SLACK_BOT_TOKEN) {
    throw new DomainError(
      "no-user-directory",
      "contacts import looks people up by e-mail in Slack (users.lookupByEmail): set SLACK_BOT_TOKEN=xoxb-… first",
    );
  }
  const { createSlackUserDirectoryFor } = await import("../../adapters/slack/create-slack-user-directory.ts");
  return createSlackUserDirectoryFor({ botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
}

function printResult(io: CliIo, result: ContactImportResult, file: string): void {
  io.out(`imported ${result.imported.length} contact row(s) from ${file}`);
  for (const row of result.imported) {
    const change = row.contactAdded || row.roleChanged ? "" : "  (unchanged)";
    io.out(
      `  line ${String(row.line).padEnd(4)} ${padToWidth(row.name, 10)} ${padToWidth(row.department ?? "-", 24)} ${ROLE_WORDS[row.role]}${change}`,
    );
  }
  const lists: Array<[string, string[]]> = [
    [
      "unknown departments (not imported)",
      result.unknownDepartments.map((r) => `line ${r.line}: ${r.department}`),
    ],
    [
      "unknown e-mails, not in the Slack workspace (not imported)",
      result.unknownEmails.map((r) => `line ${r.line}: ${r.email}`),
    ],
    ["invalid rows (not imported)", result.invalidRows.map((r) => `line ${r.line}: ${r.problem}`)],
  ];
  for (const [title, lines] of lists) {
    if (lines.length === 0) continue;
    io.out(`${title}:`);
    for (const line of lines) io.out(`  ${line}`);
  }
}

/** `duban contacts import <file.csv|file.xlsx>`: department contacts (联络员), supervisors and readers. */
export function registerContactsCommand(
  program: Command,
  io: CliIo,
  options: ContactsCommandOptions = {},
): void {
  const contacts = program.command("contacts").description("department contacts (联络员) and other users");
  contacts
    .command("import")
    .description(
      "import contacts from a .csv or .xlsx file with columns 部门, 姓名, 邮箱, 角色 (department, name, email, role)",
    )
    .argument("<file>", "contacts file (.csv or .xlsx)")
    .action(async (file: string) => {
      const { readContactsFile } = await import("../../adapters/files/read-contacts-file.ts");
      const { parseEnv } = await import("../../config/parse-env.ts");
      const { importContacts } = await import("../../services/import-contacts.ts");
      const directory = await requireDirectory(parseEnv(io.env), options);
      const path = resolve(io.cwd, file);
      const shown = relative(io.cwd, path) || file;
      const rows = await readContactsFile(path, shown);
      await withDatabase(io, "duban contacts import", async ({ core }) => {
        const { store } = await core();
        const result = await importContacts({ store, clock: io.clock }, rows, directory);
        printResult(io, result, shown);
        const skipped =
          result.unknownDepartments.length + result.unknownEmails.length + result.invalidRows.length;
        if (skipped > 0) io.exitCode = 1;
      });
    });
}
