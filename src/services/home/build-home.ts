import { buildBoardMessage } from "../../domain/messages/build-board-message.ts";
import {
  buildContactHome,
  buildSupervisorHome,
  type HomePageRequest,
} from "../../domain/messages/build-home-view.ts";
import type { HomeView } from "../../domain/messages/home-view-types.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { ChatUser } from "../../domain/supervision/supervision-types.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { toPlanContext } from "../plans/load-plan-context.ts";
import { describeTasks, supervisorActions } from "../tasks/describe-tasks.ts";
import { loadMyTasks } from "../tasks/list-my-tasks.ts";

/**
 * The person's App Home, one page: supervisors get the board (measures by section with counts per
 * light, then overdue, blocked and awaiting-approval lists, the last with approve / return buttons); everyone
 * else their own tasks with report buttons. With no plan loaded, an empty Home that says so.
 */
export async function buildHome(
  deps: Pick<SupervisionDeps, "store" | "clock" | "calendar" | "admins" | "planId">,
  user: ChatUser,
  request: HomePageRequest = {},
): Promise<HomeView> {
  const person = await identifyPerson(deps, user);
  const locale = localeOf(person.locale);
  const directory = await deps.store.readPlanDirectory(deps.planId);
  if (directory === null) {
    const none = locale === "zh" ? "还没有导入实施方案。" : "No plan is loaded yet.";
    return buildContactHome(locale, [], request, none);
  }
  const context = toPlanContext(directory, deps, person);
  if (isSupervisor(person)) {
    const tasks = await deps.store.listTasks({ planId: directory.planId, withLastReport: true });
    const items = describeTasks(tasks, context.light, locale, supervisorActions);
    return buildSupervisorHome(
      buildBoardMessage(locale, directory.title, directory.measures, items),
      request,
    );
  }
  const tasks = await loadMyTasks(deps, person, context);
  return buildContactHome(locale, describeTasks(tasks, context.light, locale), request);
}
