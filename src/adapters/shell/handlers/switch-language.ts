import { pick } from "../../../domain/supervision/locale.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";

const LOCALES: Record<string, string> = { zh: "zh-CN", en: "en-US" };

/** `/lang zh|en`: the actor's language from now on (stored on the person, as Slack's locale would be). */
export async function switchLanguage(context: ShellContext, wanted: string): Promise<void> {
  const locale = LOCALES[wanted.trim().toLowerCase()];
  const { printer, session } = context;
  if (locale === undefined) {
    printer.line(
      printer.style.error(
        pick(actorLocale(context), {
          zh: "✗ 用法：/lang zh 或 /lang en",
          en: "✗ Usage: /lang zh or /lang en",
        }),
      ),
    );
    return;
  }
  const user = { ...session.actor.user, locale };
  session.actor = { user, person: await context.core.identify(user) };
  printer.line(pick(actorLocale(context), { zh: "已切换为中文。", en: "Switched to English." }));
}
