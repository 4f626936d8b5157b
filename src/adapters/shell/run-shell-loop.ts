import { runShellLine } from "./run-shell-line.ts";
import type { ShellContext } from "./shell-context.ts";

/** "演示督查员> ": who is typing. */
function promptOf(context: ShellContext): string {
  return `${context.printer.style.bold(context.session.actor.person.displayName)}> `;
}

/** Reads and runs lines until `/quit` or the end of input. */
export async function runShellLoop(context: ShellContext): Promise<void> {
  for (;;) {
    const line = await context.input.next(promptOf(context));
    if (line === null || !(await runShellLine(context, line))) return;
  }
}
