import type { Locale } from "../supervision/locale.ts";
import type { BoardSection, LightCounts, MessageAction, TaskItem } from "./message-types.ts";

/** One page of a list, and how long the whole list is. */
export interface PagedTasks {
  items: TaskItem[];
  total: number;
}

/**
 * Which page a Home shows. Slack's Home holds at most 100 blocks, so lists are cut into pages of `limit`
 * tasks; `actions` are the previous / next buttons (none when one page holds everything).
 */
export interface HomePaging {
  /** 1-based. */
  page: number;
  limit: number;
  pageCount: number;
  actions: MessageAction[];
}

/** A contact's Home: their tasks with lights, last reports and report buttons. */
export interface ContactHomeView {
  kind: "contact_home";
  locale: Locale;
  title: string;
  intro: string;
  emptyText: string;
  totals: LightCounts;
  tasks: PagedTasks;
  paging: HomePaging;
}

/** A supervisor's Home: the board (measures by section, counts per light) and the lists that need action. */
export interface SupervisorHomeView {
  kind: "supervisor_home";
  locale: Locale;
  title: string;
  totals: LightCounts;
  /** Always whole: one line per measure, grouped by section. */
  sections: BoardSection[];
  overdue: PagedTasks;
  blocked: PagedTasks;
  awaitingApproval: PagedTasks;
  paging: HomePaging;
}

export type HomeView = ContactHomeView | SupervisorHomeView;
