import { pick } from "../../domain/supervision/locale.ts";
import { DIGEST_CHANNEL_FIX } from "../../services/schedule/find-digest-channel.ts";
import { displayWidth, padToWidth } from "../../shared/pad-to-width.ts";
import { describeActor } from "./handlers/describe-actor.ts";
import { formatPlanInstant } from "./handlers/schedule-commands.ts";
import { SHELL_DIGEST_CHANNEL } from "./shell-chat-notifier.ts";
import { actorLocale, type ShellContext } from "./shell-context.ts";

/**
 * Where the database is, the plan, who the user acts as, and how to get help; and a warning when the plan's
 * weekly digest has no channel (the shell shows it as #督办周报, but on Slack every digest would fail).
 */
export function printShellBanner(
  context: ShellContext,
  database: { kind: string; location: string },
  warnings: { digestChannelMissing?: boolean } = {},
): void {
  const { printer, plan, roster } = context;
  const locale = actorLocale(context);
  const actor = context.session.actor.person;
  const t = (zh: string, en: string) => pick(locale, { zh, en });
  const rows: Array<[string, string]> = [
    [t("数据库", "database"), `${database.kind}, ${database.location}`],
    [t("方案", "plan"), `${plan.title} (${plan.id})`],
    [
      t("演示用户", "demo people"),
      t(
        `${roster.contacts.length} 位部门联络员、督查员、管理员、读者（均标记为演示）`,
        `${roster.contacts.length} department contacts, a supervisor, an admin, a reader (all marked demo)`,
      ),
    ],
    [t("方案时间", "plan time"), formatPlanInstant(context.clock.now(), plan.timezone, locale)],
    [t("当前身份", "acting as"), `${actor.displayName} (${describeActor(actor, roster, locale)})`],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  printer.line(
    printer.style.bold(
      t("督办 Duban · 本地对话（未配置 Slack）", "Duban 督办 · local shell (no Slack configured)"),
    ),
  );
  for (const [label, value] of rows) printer.line(`  ${padToWidth(label, width)}  ${value}`);
  if (warnings.digestChannelMissing === true) {
    printer.line(
      printer.style.error(
        t(
          `⚠ 周报没有频道：方案的 schedule.digest.channel 和 DUBAN_DIGEST_CHANNEL 都未设置，在 Slack 上每期周报都会发送失败（本地对话显示为 #${SHELL_DIGEST_CHANNEL}）。请在工作流文件中设置 schedule.digest.channel 后重新 duban load，或设置 DUBAN_DIGEST_CHANNEL。`,
          `⚠ The weekly digest has no channel: neither the plan's schedule.digest.channel nor DUBAN_DIGEST_CHANNEL is set, so on Slack every digest would fail (the shell shows it as #${SHELL_DIGEST_CHANNEL}). To fix: ${DIGEST_CHANNEL_FIX}.`,
        ),
      ),
    );
  }
  printer.line(
    t(
      "输入 /help 查看命令，/as 切换身份，/quit 退出。",
      "Type /help for commands, /as to act as someone else, /quit to leave.",
    ),
  );
}
