import type { DigestList, DigestMessage } from "../../../domain/messages/schedule-message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { html, type SafeHtml } from "../html.ts";
import { type ArchivedDigest, type ArchivedDigestLine, DIGEST_PAGE_SIZE } from "../read-digest-archive.ts";
import { formatTime } from "../web-pages.ts";
import { t } from "../web-text.ts";

/** Where a posted digest's chart is served (a PNG drawn by Duban from the digest's stored chart data). */
export const digestChartPath = (id: string) => `/web/digests/${id}/chart.png`;

/** The archive: every posted weekly digest, newest first, a page at a time. */
export function digestArchivePage(
  locale: Locale,
  archive: { digests: ArchivedDigestLine[]; total: number; page: number },
  timeZone: string,
): SafeHtml {
  const pages = Math.ceil(archive.total / DIGEST_PAGE_SIZE);
  const first = (archive.page - 1) * DIGEST_PAGE_SIZE + 1;
  const last = Math.min(archive.total, archive.page * DIGEST_PAGE_SIZE);
  const href = (n: number) => `/web/digests?page=${n}`;
  return html`<h1>${t(locale, "digests")}</h1>
${
  archive.total === 0
    ? html`<p>${t(locale, "noDigests")}</p>`
    : html`<ol class="digests">${archive.digests.map(
        (d) => html`<li><a href="/web/digests/${d.id}">${d.title}</a>
<p><time datetime="${d.sentAt.toISOString()}">${formatTime(d.sentAt, timeZone)}</time> · ${d.weekKey}${d.late ? html` · ${t(locale, "late")}` : ""}</p></li>\n`,
      )}</ol>`
}
${
  pages <= 1
    ? ""
    : html`<nav class="pager" aria-label="${t(locale, "pages")}">${first}–${last} / ${archive.total}
${archive.page > 1 ? html` · <a href="${href(archive.page - 1)}" rel="prev">‹ ${t(locale, "newer")}</a>` : ""}
${archive.page < pages ? html` · <a href="${href(archive.page + 1)}" rel="next">${t(locale, "older")} ›</a>` : ""}</nav>`
}`;
}

const countsOf = (c: { green: number; yellow: number; red: number }, locale: Locale) =>
  html`<span class="counts"><span class="c red">${t(locale, "red")} ${c.red}</span>
<span class="c yellow">${t(locale, "yellow")} ${c.yellow}</span>
<span class="c green">${t(locale, "green")} ${c.green}</span></span>`;

function listSection(list: DigestList, locale: Locale): SafeHtml {
  return html`<section><h3>${list.title}（${list.total}）</h3>${
    list.total === 0
      ? html`<p>—</p>`
      : html`<ul>${list.entries.map(
          (e) => html`<li>${e.measureLabel}${e.measureTitle} · ${e.departmentName} — ${e.detail}</li>`,
        )}${
          list.total > list.entries.length
            ? html`<li>${t(locale, "moreEntries")} ${list.total - list.entries.length}</li>`
            : ""
        }</ul>`
  }</section>`;
}

function mainMessage(digest: DigestMessage, locale: Locale): SafeHtml {
  const zh = digest.locale === "zh";
  const { assessment } = digest;
  return html`<section class="digest-main"><h2>${t(locale, "digestMain")}</h2>
${digest.lateNote === null ? "" : html`<p class="note">${digest.lateNote}</p>`}
<p>${digest.asOf} · ${zh ? `${digest.taskCount} 项任务` : `${digest.taskCount} tasks`} · ${countsOf(digest.totals, digest.locale)}</p>
${digest.highlights.length === 0 ? "" : html`<ul>${digest.highlights.map((line) => html`<li>${line}</li>`)}</ul>`}
${digest.sections.map(
  (
    section,
  ) => html`${section.label === "" && section.title === "" ? "" : html`<h3>${section.label}${section.title}</h3>`}
<table class="numbers"><thead><tr><th scope="col">${t(digest.locale, "measure")}</th><th scope="col">${t(digest.locale, "green")}</th>
<th scope="col">${t(digest.locale, "yellow")}</th><th scope="col">${t(digest.locale, "red")}</th><th scope="col">Σ</th></tr></thead><tbody>
${section.measures.map(
  (m) =>
    html`<tr><td>${m.label}${m.title}</td><td>${m.counts.green}</td><td>${m.counts.yellow}</td><td>${m.counts.red}</td><td>${m.total}</td></tr>\n`,
)}</tbody></table>`,
)}
${
  assessment === null
    ? ""
    : html`<h3>${assessment.title}</h3><ul><li><strong>${zh ? "表扬" : "Praised (表扬)"}</strong>${zh ? "：" : ": "}${assessment.praise.join(zh ? "、" : ", ") || "—"}</li>
<li><strong>${zh ? "通报" : "Lagging (通报)"}</strong>${zh ? "：" : ": "}${assessment.lagging.join(zh ? "、" : ", ") || "—"}</li></ul><p>${assessment.note}</p>`
}</section>`;
}

/** One posted digest: its main message, then its thread (the chart, who reported, the lists), as posted. */
export function digestPage(locale: Locale, archived: ArchivedDigest, timeZone: string): SafeHtml {
  const { digest } = archived;
  const chartAlt =
    digest.chart === null ? "" : `${t(locale, "chart")}: ${digest.chart.title} ${digest.chart.subtitle}`;
  return html`<h1>${digest.title}</h1>
<p class="section">${t(locale, "posted")} <time datetime="${archived.sentAt.toISOString()}">${formatTime(archived.sentAt, timeZone)}</time> · ${digest.weekKey}
· <a href="/web/digests">${t(locale, "digests")}</a></p>
${mainMessage(digest, locale)}
<section class="digest-thread"><h2>${t(locale, "digestThread")}</h2>
${
  digest.chart === null
    ? ""
    : html`<figure class="chart"><img src="${digestChartPath(archived.id)}" alt="${chartAlt}" width="1000"></figure>`
}
${[digest.notReported, digest.reported].map(
  (group) =>
    html`<section><h3>${group.title}（${group.departments.length}）</h3><p>${group.departments.join(digest.locale === "zh" ? "、" : ", ") || "—"}</p></section>`,
)}
${[digest.overdue, digest.blocked, digest.completed, digest.approved].map((list) => listSection(list, locale))}
${digest.calendarNote ? html`<p class="note">${digest.calendarNote}</p>` : ""}</section>`;
}
