import type { types } from "@slack/bolt";
import type {
  ContactHomeView,
  HomePaging,
  HomeView,
  SupervisorHomeView,
} from "../../../domain/messages/home-view-types.ts";
import { type Locale, pick } from "../../../domain/supervision/locale.ts";
import { actionButton } from "./action-button.ts";
import {
  actions,
  BLOCK_LIMITS,
  type Block,
  context,
  divider,
  escapeMrkdwn,
  header,
  section,
} from "./block-kit.ts";
import { boardSectionBlocks, countedTitle, taskLinesBlocks } from "./board-section-blocks.ts";
import { fitBlocks } from "./fit-blocks.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";
import { taskBlocks } from "./task-blocks.ts";

/** "第 1/3 页" and the previous / next buttons; nothing when one page holds everything. */
function pagingBlocks(paging: HomePaging, locale: Locale): Block[] {
  if (paging.pageCount <= 1) return [];
  return [
    context(slackWords.page(locale, paging.page, paging.pageCount), "paging"),
    actions(paging.actions.map(actionButton), "paging.actions"),
  ];
}

function contactHomeBlocks(view: ContactHomeView): Block[] {
  const head: Block[] = [
    header(view.title, "title"),
    section(escapeMrkdwn(view.intro), { blockId: "intro" }),
    context(lightCountsMrkdwn(view.totals), "totals"),
    divider(),
  ];
  if (view.tasks.total === 0) return [...head, section(escapeMrkdwn(view.emptyText), { blockId: "empty" })];
  return fitBlocks({
    head,
    items: view.tasks.items,
    render: (task) => taskBlocks(task, view.locale, "task"),
    tail: pagingBlocks(view.paging, view.locale),
    more: (hidden) => section(slackWords.moreOnHome(view.locale, hidden), { blockId: "more" }),
    max: BLOCK_LIMITS.viewBlocks,
    textBudget: Number.POSITIVE_INFINITY, // a view has its own limits, not a message's text budget
  });
}

function supervisorHomeBlocks(view: SupervisorHomeView): Block[] {
  const { locale } = view;
  const head: Block[] = [
    header(view.title, "title"),
    context(lightCountsMrkdwn(view.totals), "totals"),
    ...boardSectionBlocks(view.sections, "board"),
    divider(),
    ...taskLinesBlocks(pick(locale, slackWords.overdue), view.overdue.items, {
      locale,
      scope: "overdue",
      maxLines: view.paging.limit,
      total: view.overdue.total,
    }),
    ...taskLinesBlocks(pick(locale, slackWords.blocked), view.blocked.items, {
      locale,
      scope: "blocked",
      maxLines: view.paging.limit,
      total: view.blocked.total,
    }),
    section(
      `*${countedTitle(pick(locale, slackWords.awaitingApproval), view.awaitingApproval.total, locale)}*`,
      {
        blockId: "awaiting",
      },
    ),
  ];
  return fitBlocks({
    head,
    items: view.awaitingApproval.items,
    render: (task) => taskBlocks(task, locale, "awaiting"),
    tail: pagingBlocks(view.paging, locale),
    more: (hidden) => section(slackWords.moreOnHome(locale, hidden), { blockId: "more" }),
    max: BLOCK_LIMITS.viewBlocks,
    textBudget: Number.POSITIVE_INFINITY, // a view has its own limits, not a message's text budget
  });
}

/** The App Home tab (views.publish) for a contact or a supervisor, within Slack's 100 blocks. */
export function renderHomeView(view: HomeView): types.HomeView {
  const blocks = view.kind === "contact_home" ? contactHomeBlocks(view) : supervisorHomeBlocks(view);
  return { type: "home", blocks };
}
