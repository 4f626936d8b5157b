import { displayWidth, padToWidth } from "../../../shared/pad-to-width.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { SHELL_COMMANDS, shellWords } from "../shell-words.ts";

/** `/help`: the shell's commands, aligned, in the actor's language. */
export function showShellHelp(context: ShellContext): void {
  const { printer } = context;
  const locale = actorLocale(context);
  const words = shellWords(locale);
  printer.line(printer.style.bold(words.helpTitle));
  const width = Math.max(...SHELL_COMMANDS.map((command) => displayWidth(command.usage)));
  for (const command of SHELL_COMMANDS)
    printer.line(`  ${padToWidth(command.usage, width)}  ${command[locale]}`);
  printer.line(printer.style.dim(words.formHint));
}
