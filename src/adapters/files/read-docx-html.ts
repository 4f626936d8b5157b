import type { PlanTable } from "../../domain/plan-import/parse-task-table.ts";

/**
 * The paragraphs and tables of a Word document from mammoth's HTML (`convertToHtml`), which writes
 * paragraphs as <p>/<h1>…/<li>, line breaks as <br />, and tables as <table><tr><td colspan rowspan>
 * with a cell's paragraphs inside; a vertically merged cell appears once, with rowspan.
 * See https://github.com/mwilliamson/mammoth.js#readme ("Tables"). Merged cells are repeated into
 * every row and column they cover, so each row has one text per column.
 */
export function readDocxHtml(html: string): { text: string; tables: PlanTable[] } {
  const tables: PlanTable[] = [];
  const outside = html.replace(/<table>([\s\S]*?)<\/table>/g, (_, inner: string) => {
    tables.push({ name: `table ${tables.length + 1}`, rows: readRows(inner) });
    return "";
  });
  return { text: blocksOf(outside).join("\n\n"), tables };
}

function decode(text: string): string {
  return text
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function blocksOf(html: string): string[] {
  return [...html.matchAll(/<(p|h[1-6]|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g)].map((match) =>
    decode(match[2] ?? ""),
  );
}

function readRows(tableHtml: string): string[][] {
  const rows: string[][] = [];
  /** Cells merged down from earlier rows: column -> text and rows still covered. */
  const spanning = new Map<number, { text: string; rows: number }>();
  for (const rowMatch of tableHtml.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const row: string[] = [];
    let column = 0;
    const fillSpanning = () => {
      for (let span = spanning.get(column); span !== undefined; span = spanning.get(column)) {
        row[column] = span.text;
        if (--span.rows === 0) spanning.delete(column);
        column++;
      }
    };
    for (const cell of (rowMatch[1] ?? "").matchAll(/<t[dh]([^>]*)>([\s\S]*?)<\/t[dh]>/g)) {
      fillSpanning();
      const attributes = cell[1] ?? "";
      const colspan = Number(/colspan="(\d+)"/.exec(attributes)?.[1] ?? 1);
      const rowspan = Number(/rowspan="(\d+)"/.exec(attributes)?.[1] ?? 1);
      const paragraphs = blocksOf(cell[2] ?? "");
      const text = paragraphs.length > 0 ? paragraphs.join("\n") : decode(cell[2] ?? "");
      for (let covered = 0; covered < colspan; covered++) {
        row[column] = text;
        if (rowspan > 1) spanning.set(column, { text, rows: rowspan - 1 });
        column++;
      }
    }
    fillSpanning();
    rows.push(Array.from(row, (text) => text ?? ""));
  }
  return rows;
}
