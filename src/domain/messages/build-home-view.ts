import { type Locale, pick } from "../supervision/locale.ts";
import { countLights } from "./count-lights.ts";
import type { ContactHomeView, HomePaging, PagedTasks, SupervisorHomeView } from "./home-view-types.ts";
import type { BoardMessage, MessageAction, TaskItem } from "./message-types.ts";
import { ACTION_WORDS } from "./message-words.ts";

/** Default and largest number of tasks per list on one Home page. */
export const HOME_PAGE_LIMIT = { default: 10, max: 25 } as const;

export interface HomePageRequest {
  page?: number;
  limit?: number;
}

function paging(locale: Locale, longest: number, request: HomePageRequest): HomePaging {
  const limit = Math.min(
    Math.max(Math.trunc(request.limit ?? HOME_PAGE_LIMIT.default), 1),
    HOME_PAGE_LIMIT.max,
  );
  const pageCount = Math.max(1, Math.ceil(longest / limit));
  const page = Math.min(Math.max(Math.trunc(request.page ?? 1), 1), pageCount);
  const actions: MessageAction[] = [];
  if (page > 1)
    actions.push({ kind: "home_page", page: page - 1, label: pick(locale, ACTION_WORDS.previous) });
  if (page < pageCount)
    actions.push({ kind: "home_page", page: page + 1, label: pick(locale, ACTION_WORDS.next) });
  return { page, limit, pageCount, actions };
}

function pageOf(tasks: readonly TaskItem[], { page, limit }: HomePaging): PagedTasks {
  return { items: tasks.slice((page - 1) * limit, page * limit), total: tasks.length };
}

/** A contact's Home, one page of their tasks; `emptyText` replaces the words shown when there are none. */
export function buildContactHome(
  locale: Locale,
  tasks: readonly TaskItem[],
  request: HomePageRequest = {},
  emptyText: string | null = null,
): ContactHomeView {
  const pages = paging(locale, tasks.length, request);
  return {
    kind: "contact_home",
    locale,
    title: pick(locale, { zh: "督办 · 我的任务", en: "Duban · My tasks" }),
    intro: pick(locale, {
      zh: "点击“填报进展”报送，或在督办私信的话题中直接回复进展。",
      en: 'Press "Report progress", or reply in the thread of a Duban DM.',
    }),
    emptyText:
      emptyText ??
      pick(locale, {
        zh: "您还不是任何部门的联络员，暂无任务。",
        en: "You are not a contact of any department yet: no tasks.",
      }),
    totals: countLights(tasks),
    tasks: pageOf(tasks, pages),
    paging: pages,
  };
}

/** A supervisor's Home: the board's sections whole, its overdue / blocked / awaiting lists one page at a time. */
export function buildSupervisorHome(board: BoardMessage, request: HomePageRequest = {}): SupervisorHomeView {
  const longest = Math.max(board.overdue.length, board.blocked.length, board.awaitingApproval.length);
  const pages = paging(board.locale, longest, request);
  return {
    kind: "supervisor_home",
    locale: board.locale,
    title: board.title,
    totals: board.totals,
    sections: board.sections,
    overdue: pageOf(board.overdue, pages),
    blocked: pageOf(board.blocked, pages),
    awaitingApproval: pageOf(board.awaitingApproval, pages),
    paging: pages,
  };
}
