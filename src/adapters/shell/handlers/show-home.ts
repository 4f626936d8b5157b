import type { ShellContext } from "../shell-context.ts";

/** `/home [page]`: the actor's App Home (a contact's tasks, or a supervisor's board), its buttons numbered. */
export async function showHome(context: ShellContext, page: number): Promise<void> {
  const view = await context.core.buildHome(context.session.actor.user, { page });
  context.printer.home(view);
}
