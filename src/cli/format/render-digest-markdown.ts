import type { DigestList, DigestMessage } from "../../domain/messages/schedule-message-types.ts";

const LIGHTS = { green: "🟢", yellow: "🟡", red: "🔴" } as const;

/** Escapes the characters that break a Markdown table cell or list line. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function listLines(list: DigestList): string[] {
  const lines = [`## ${list.title}（${list.total}）`, ""];
  if (list.total === 0) return [...lines, "—", ""];
  for (const entry of list.entries) {
    lines.push(
      `- ${cell(`${entry.measureLabel}${entry.measureTitle} · ${entry.departmentName}`)} — ${cell(entry.detail)}`,
    );
  }
  if (list.total > list.entries.length)
    lines.push(`- …（另有 ${list.total - list.entries.length} 项未列出）`);
  return [...lines, ""];
}

/** The weekly digest as Markdown, for `duban digest --print`: the same content as the Slack post and its thread. */
export function renderDigestMarkdown(digest: DigestMessage): string {
  const counts = (c: { green: number; yellow: number; red: number }) =>
    `${LIGHTS.green} ${c.green} ${LIGHTS.yellow} ${c.yellow} ${LIGHTS.red} ${c.red}`;
  const lines = [`# ${digest.title}`, ""];
  if (digest.lateNote !== null) lines.push(`> ${digest.lateNote}`, "");
  const tasks = digest.locale === "zh" ? `${digest.taskCount} 项任务` : `${digest.taskCount} tasks`;
  lines.push(`${digest.asOf} · ${tasks} · ${counts(digest.totals)}`, "");
  for (const highlight of digest.highlights) lines.push(`- ${highlight}`);
  lines.push("");
  for (const section of digest.sections) {
    if (section.label !== "" || section.title !== "") lines.push(`## ${section.label}${section.title}`, "");
    lines.push(
      `| ${digest.locale === "zh" ? "措施" : "Measure"} | ${LIGHTS.green} | ${LIGHTS.yellow} | ${LIGHTS.red} | Σ |`,
    );
    lines.push("| --- | ---: | ---: | ---: | ---: |");
    for (const m of section.measures) {
      lines.push(
        `| ${cell(`${m.label}${m.title}`)} | ${m.counts.green} | ${m.counts.yellow} | ${m.counts.red} | ${m.total} |`,
      );
    }
    lines.push("");
  }
  for (const group of [digest.notReported, digest.reported]) {
    lines.push(
      `## ${group.title}（${group.departments.length}）`,
      "",
      group.departments.join("、") || "—",
      "",
    );
  }
  if (digest.assessment !== null) {
    const { assessment } = digest;
    const zh = digest.locale === "zh";
    const names = (units: readonly string[]) => (units.length === 0 ? "—" : units.join(zh ? "、" : ", "));
    lines.push(
      `## ${assessment.title}`,
      "",
      `- **${zh ? "表扬" : "Praised (表扬)"}**${zh ? "：" : ": "}${names(assessment.praise)}`,
      `- **${zh ? "通报" : "Lagging (通报)"}**${zh ? "：" : ": "}${names(assessment.lagging)}`,
      "",
      assessment.note,
      "",
    );
  }
  for (const list of [digest.overdue, digest.blocked, digest.completed, digest.approved])
    lines.push(...listLines(list));
  if (digest.calendarNote) lines.push("---", "", `> ${digest.calendarNote}`);
  return lines.join("\n").trimEnd();
}
