import type { Command } from "commander";
import type { Env } from "../../config/env-schema.ts";
import { isDomainError } from "../../domain/errors.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../shared/project-paths.ts";
import type { CliIo } from "../cli-io.ts";

/** A check's result; `warning`: it passed, but something needs doing soon (printed ⚠, exit code 0). */
type Check = { ok: boolean; label: string; detail: string; warning?: boolean };

/** From 1 November (or all year when this year lacks it), a missing State Council notice is a warning. */
async function checkCalendar(io: CliIo, env: Env): Promise<Check> {
  const { loadWorkingDayCalendar } = await import("../../adapters/calendar/load-working-day-calendar.ts");
  const { IMPORT_NOTICE_COMMAND, statutoryOnlyNote, yearMissingNotice } = await import(
    "../../domain/calendar/missing-notice.ts"
  );
  const { toPlanDate } = await import("../../domain/time/plan-time.ts");
  try {
    const calendar = await loadWorkingDayCalendar();
    const missing = yearMissingNotice(calendar, toPlanDate(io.clock.now(), env.TZ));
    if (missing !== null)
      return {
        ok: true,
        warning: true,
        label: "calendar",
        detail: `${statutoryOnlyNote(missing)}: ${IMPORT_NOTICE_COMMAND}`,
      };
    return {
      ok: true,
      label: "calendar",
      detail: `State Council notices for ${calendar.noticeYears.join(", ")} (later years: statutory holidays only)`,
    };
  } catch (error) {
    return { ok: false, label: "calendar", detail: isDomainError(error) ? error.userMessage : String(error) };
  }
}

function describeChatFrontEnd(env: Env): Check {
  if (env.SLACK_APP_TOKEN) {
    const ok = Boolean(env.SLACK_BOT_TOKEN);
    return {
      ok,
      label: "chat",
      detail: ok ? "Slack, Socket Mode" : "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing",
    };
  }
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET) {
    const missing = [
      !env.SLACK_BOT_TOKEN && "SLACK_BOT_TOKEN",
      !env.SLACK_SIGNING_SECRET && "SLACK_SIGNING_SECRET",
    ].filter(Boolean);
    return missing.length === 0
      ? { ok: true, label: "chat", detail: `Slack, HTTP receiver on port ${env.PORT} at /slack/events` }
      : { ok: false, label: "chat", detail: `Slack HTTP mode needs ${missing.join(" and ")}` };
  }
  return { ok: true, label: "chat", detail: "no Slack configured: `npm start` opens the local shell chat" };
}

async function checkDatabase(env: Env): Promise<Check[]> {
  const { getMigrationStatus } = await import("../../adapters/db/migrate/offline-migrator.ts");
  const { openDatabase } = await import("../../adapters/db/open-database.ts");
  const { checkDigestChannel } = await import("./check-digest-channel.ts");
  const checks: Check[] = [];
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR }, "duban doctor");
    const rows = await db.prisma.$queryRawUnsafe<{ version: string }[]>("select version() as version");
    const version = rows[0]?.version.split(" on ")[0] ?? "unknown version";
    checks.push({ ok: true, label: "database", detail: `${db.kind}, ${db.location}, ${version}` });
    const status = await getMigrationStatus(db.adapterFactory, {
      migrationsDir: MIGRATIONS_DIR,
      schemaPath: SCHEMA_PATH,
    });
    const upToDate = status.pending.length === 0 && status.failed.length === 0;
    checks.push({
      ok: upToDate || db.kind === "embedded",
      label: "migrations",
      detail: upToDate
        ? `${status.applied.length} applied, schema up to date`
        : `${status.applied.length} applied, ${status.pending.length} pending, ${status.failed.length} failed (${db.kind === "embedded" ? "applied on next start" : "run `duban db migrate`"})`,
    });
    if (upToDate) checks.push(await checkDigestChannel(db.prisma, env));
  } catch (error) {
    const detail = isDomainError(error)
      ? error.userMessage
      : error instanceof Error
        ? error.message
        : String(error);
    checks.push({ ok: false, label: "database", detail: `cannot connect: ${detail.split("\n")[0]}` });
  } finally {
    await db?.close();
  }
  return checks;
}

/** `duban doctor`: checks configuration and database connectivity, and prints what it found. */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command("doctor")
    .description(
      "check configuration, database connectivity, migrations, Slack's token and digest channel, and the working-day calendar",
    )
    .action(async () => {
      const { parseEnv } = await import("../../config/parse-env.ts");
      const { checkSlackSetup } = await import("./check-slack-setup.ts");
      let env: Env;
      try {
        env = parseEnv(io.env);
      } catch (error) {
        io.out(`✗ configuration  ${isDomainError(error) ? error.userMessage : String(error)}`);
        io.exitCode = 1;
        return;
      }
      const checks: Check[] = [
        { ok: true, label: "configuration", detail: `time zone ${env.TZ}, log level ${env.LOG_LEVEL}` },
        describeChatFrontEnd(env),
        ...(await checkDatabase(env)),
        ...(await checkSlackSetup(env)),
        await checkCalendar(io, env),
      ];
      for (const check of checks)
        io.out(`${check.ok ? (check.warning ? "⚠" : "✓") : "✗"} ${check.label.padEnd(13)} ${check.detail}`);
      const failed = checks.filter((check) => !check.ok).length;
      const warnings = checks.filter((check) => check.ok && check.warning === true).length;
      const warned = warnings === 0 ? "" : `, ${warnings} warning(s)`;
      io.out(failed === 0 ? `all checks passed${warned}` : `${failed} check(s) failed${warned}`);
      if (failed > 0) io.exitCode = 1;
    });
}
