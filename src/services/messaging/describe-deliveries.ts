import { type Locale, pick } from "../../domain/supervision/locale.ts";
import type { Delivery } from "../core/core-outcome.ts";

/**
 * How many people a direct-message action told now, and who is queued for a retry, honestly:
 * "已通知 2 位联络员" / "已通知 1 位联络员；1 位暂未送达，已排队自动重发：孙七".
 */
export function describeDeliveries(
  locale: Locale,
  deliveries: readonly Delivery[],
  who: { zh: string; en: string },
): string {
  const sent = deliveries.filter((delivery) => delivery.error === null).length;
  const queued = deliveries.filter((delivery) => delivery.error !== null).map((d) => d.recipientName);
  const told = pick(locale, { zh: `已通知 ${sent} 位${who.zh}`, en: `${sent} ${who.en} told` });
  if (queued.length === 0) return told;
  return pick(locale, {
    zh: `${told}；${queued.length} 位暂未送达，已排队自动重发：${queued.join("、")}`,
    en: `${told}; not delivered yet to ${queued.length}, queued to be sent again automatically: ${queued.join(", ")}`,
  });
}
