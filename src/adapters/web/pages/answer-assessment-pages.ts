import type { ServerResponse } from "node:http";
import { buildScorecardMessage } from "../../../domain/messages/scorecard-message.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import type { Person } from "../../../domain/supervision/supervision-types.ts";
import { mayAssess } from "../../../services/assessment/assessment-access.ts";
import {
  readDepartmentRecord,
  readWebLedger,
  readWebScorecard,
} from "../../../services/web/read-web-assessment.ts";
import type { WebReadDeps } from "../../../services/web/read-web-board.ts";
import type { SafeHtml } from "../html.ts";
import { SECURITY_HEADERS } from "../web-headers.ts";
import {
  departmentRecordSection,
  LEDGER_PATH,
  printHeading,
  readPeriodParameter,
  SCORECARD_PATH,
  scorecardLink,
  scorecardPage,
} from "./scorecard-page.ts";

/** What the handler answers with: a page (title, body, extras for the layout), a refusal, or done (a download). */
export type AssessmentAnswer =
  | { kind: "page"; title: string; body: SafeHtml; printHeading?: SafeHtml }
  | { kind: "refused"; status: 400 | 403 | 404 }
  | { kind: "sent" };

/** The navigation's extra link: the scorecard, for those who may `/duban assess` in chat. */
export function assessmentLinks(person: Person, locale: Locale, deps: WebReadDeps): SafeHtml | undefined {
  return mayAssess(person) && deps.assessment !== undefined ? scorecardLink(locale) : undefined;
}

/**
 * `Content-Disposition` for a download (RFC 6266): an ASCII `filename` for old clients and the real name as
 * `filename*` in UTF-8, percent-encoded as RFC 5987 §3.2.1 `attr-char` requires ('()* are not attr-chars).
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .replace(/[^\x20-\x7e]+/g, "")
    .replace(/["\\]/g, "")
    .replace(/^[-_ ]+/, "");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="ledger-${ascii || "duban.xlsx"}"; filename*=UTF-8''${encoded}`;
}

/**
 * The assessment's pages: `/web/scorecard`, `/web/ledger.xlsx`; null when `path` is none of them. The same access
 * rule as chat (mayAssess); the same computeScorecard and buildLedgerFile as `/duban assess` and `/duban export`.
 */
export async function answerAssessmentPage(
  path: string,
  query: URLSearchParams,
  person: Person,
  locale: Locale,
  deps: WebReadDeps,
  res: ServerResponse,
): Promise<AssessmentAnswer | null> {
  if (path !== SCORECARD_PATH && path !== LEDGER_PATH) return null;
  const period = readPeriodParameter(query);
  if (period === "bad") return { kind: "refused", status: 400 };
  if (path === SCORECARD_PATH) {
    const read = await readWebScorecard(deps, person, period);
    if (read === "forbidden") return { kind: "refused", status: 403 };
    if (read === "unavailable") return { kind: "refused", status: 404 };
    return {
      kind: "page",
      title: buildScorecardMessage(locale, read.scorecard).title,
      body: scorecardPage(locale, read.scorecard, read.today),
      printHeading: printHeading(locale, read.scorecard.planTitle, read.today),
    };
  }
  const ledger = await readWebLedger(deps, person, period);
  if (ledger === "forbidden") return { kind: "refused", status: 403 };
  if (ledger === "unavailable") return { kind: "refused", status: 404 };
  const bytes = Buffer.from(ledger.file.bytes);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": ledger.file.mimeType,
    "content-disposition": contentDisposition(ledger.file.name),
    "content-length": String(bytes.length),
  });
  res.end(res.req?.method === "HEAD" ? undefined : bytes);
  return { kind: "sent" };
}

/** The department page's reporting record per cycle and score (`?period=`); null without the assessment. */
export async function departmentRecordHtml(
  deps: WebReadDeps,
  person: Person,
  locale: Locale,
  departmentId: string,
  query: URLSearchParams,
): Promise<SafeHtml | null | "bad"> {
  const period = readPeriodParameter(query);
  if (period === "bad") return "bad";
  const record = await readDepartmentRecord(deps, person, departmentId, period);
  return record === null ? null : departmentRecordSection(locale, departmentId, record);
}
