import type { WorkingDayCalendar } from "../domain/calendar/working-day-calendar.ts";
import type { ChatNotifier } from "../domain/ports/chat-notifier.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { SupervisionStore } from "../domain/ports/supervision-store.ts";

/** What the supervision use cases need; each takes the part it uses. */
export interface SupervisionDeps {
  store: SupervisionStore;
  /** Delivers direct messages (Slack, the shell ...). */
  notifier: ChatNotifier;
  clock: Clock;
  /** Chinese working days, for due days and lights. */
  calendar: WorkingDayCalendar;
  /** Chat user ids that are admins from the start (DUBAN_ADMINS). */
  admins: readonly string[];
  /** The plan to work on; default: the most recently loaded one. */
  planId?: string | undefined;
}
