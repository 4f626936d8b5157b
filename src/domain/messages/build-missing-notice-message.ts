import { IMPORT_NOTICE_COMMAND } from "../calendar/missing-notice.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import { buildNoticeMessage } from "./build-notice-message.ts";
import type { NoticeMessage } from "./message-types.ts";

/** The admins' one DM a year: `year` has no State Council holiday notice yet, and what to do about it. */
export function buildMissingNoticeMessage(locale: Locale, year: number): NoticeMessage {
  return buildNoticeMessage(locale, "info", [
    pick(locale, {
      zh: `日历提醒：${year}年的国务院节假日安排通知（国务院办公厅关于${year}年部分节假日安排的通知）尚未导入督办，${year}年的工作日暂只按法定节假日计算，调休未知。`,
      en: `Calendar: the State Council holiday notice for ${year} (国务院办公厅关于${year}年部分节假日安排的通知) is not in Duban yet; working days in ${year} count statutory holidays only, 调休 not yet known.`,
    }),
    pick(locale, {
      zh: `通知发布后（通常在11月，见 www.gov.cn），请导入：${IMPORT_NOTICE_COMMAND}，再用 duban calendar show ${year} 核对。`,
      en: `When it is published (usually in November, on www.gov.cn), import it: ${IMPORT_NOTICE_COMMAND}, then check it with duban calendar show ${year}.`,
    }),
  ]);
}
