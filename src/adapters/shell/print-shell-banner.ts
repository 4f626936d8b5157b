import stringWidth from "string-width";
import { padToWidth } from "../../cli/format/pad-to-width.ts";
import { pick } from "../../domain/supervision/locale.ts";
import { describeActor } from "./handlers/describe-actor.ts";
import { formatPlanInstant } from "./handlers/schedule-commands.ts";
import { actorLocale, type ShellContext } from "./shell-context.ts";

/** Where the database is, the plan, who the user acts as, and how to get help. */
export function printShellBanner(context: ShellContext, database: { kind: string; location: string }): void {
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
  const width = Math.max(...rows.map(([label]) => stringWidth(label)));
  printer.line(
    printer.style.bold(
      t("督办 Duban · 本地对话（未配置 Slack）", "Duban 督办 · local shell (no Slack configured)"),
    ),
  );
  for (const [label, value] of rows) printer.line(`  ${padToWidth(label, width)}  ${value}`);
  printer.line(
    t(
      "输入 /help 查看命令，/as 切换身份，/quit 退出。",
      "Type /help for commands, /as to act as someone else, /quit to leave.",
    ),
  );
}
