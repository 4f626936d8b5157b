import type {
  ContactHomeView,
  HomePaging,
  HomeView,
  SupervisorHomeView,
} from "../../../domain/messages/home-view-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { boardLines } from "./render-board.ts";
import { buttonLine, createRenderContext, type RenderContext, type RenderedText } from "./render-context.ts";
import { lightCountsText, taskItemLines } from "./render-task-item.ts";
import { boardListWords, taskLinesSection } from "./render-task-messages.ts";
import type { TextStyle } from "./text-style.ts";

/** "第 1/3 页  [4] 下一页"; nothing when one page holds everything. */
function pagingLines(paging: HomePaging, locale: Locale, context: RenderContext): string[] {
  if (paging.pageCount <= 1) return [];
  const page =
    locale === "zh"
      ? `第 ${paging.page}/${paging.pageCount} 页`
      : `Page ${paging.page} of ${paging.pageCount}`;
  return [`${context.style.dim(page)}  ${buttonLine(paging.actions, context).join("")}`];
}

function contactHomeLines(view: ContactHomeView, context: RenderContext): string[] {
  const { locale } = view;
  const head = [
    `${context.style.bold(view.title)}   ${lightCountsText(view.totals, locale, context)}`,
    context.style.dim(view.intro),
  ];
  if (view.tasks.total === 0) return [...head, `  ${view.emptyText}`];
  return [
    ...head,
    ...view.tasks.items.flatMap((task) => taskItemLines(task, locale, context, "  ")),
    ...pagingLines(view.paging, locale, context),
  ];
}

function supervisorHomeLines(view: SupervisorHomeView, context: RenderContext): string[] {
  const { locale } = view;
  const words = boardListWords(locale);
  const awaiting = view.awaitingApproval;
  return [
    `${context.style.bold(view.title)}   ${lightCountsText(view.totals, locale, context)}`,
    ...boardLines(view.sections, locale, context),
    ...taskLinesSection(words.overdue, view.overdue.items, view.overdue.total, locale, context),
    ...taskLinesSection(words.blocked, view.blocked.items, view.blocked.total, locale, context),
    context.style.bold(`${words.awaiting}（${awaiting.total}）`),
    ...(awaiting.total === 0 ? [`  ${locale === "zh" ? "无" : "none"}`] : []),
    ...awaiting.items.flatMap((task) => taskItemLines(task, locale, context, "  ")),
    ...pagingLines(view.paging, locale, context),
  ];
}

/** The App Home as terminal text (`/home`): a contact's tasks, or a supervisor's board; buttons numbered. */
export function renderHomeView(view: HomeView, style: TextStyle, firstAction: number | null): RenderedText {
  const context = createRenderContext(style, firstAction);
  const lines =
    view.kind === "contact_home" ? contactHomeLines(view, context) : supervisorHomeLines(view, context);
  return { lines, actions: context.actions.actions };
}
