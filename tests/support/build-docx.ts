import JSZip from "jszip";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A table cell: its text (lines become paragraphs of the cell), optionally merged across columns. */
export type DocxCell = string | { text: string; columns: number };
/** A Word table: rows of cells. */
export interface DocxTable {
  table: readonly (readonly DocxCell[])[];
}

function paragraphXml(runs: readonly string[]): string {
  return `<w:p>${runs.map((run) => `<w:r><w:t xml:space="preserve">${escapeXml(run)}</w:t></w:r>`).join("")}</w:p>`;
}

function tableXml({ table }: DocxTable): string {
  const rows = table.map((row) => {
    const cells = row.map((cell) => {
      const { text, columns } = typeof cell === "string" ? { text: cell, columns: 1 } : cell;
      const span = columns > 1 ? `<w:tcPr><w:gridSpan w:val="${columns}"/></w:tcPr>` : "";
      return `<w:tc>${span}${text
        .split("\n")
        .map((line) => paragraphXml([line]))
        .join("")}</w:tc>`;
    });
    return `<w:tr>${cells.join("")}</w:tr>`;
  });
  return `<w:tbl>${rows.join("")}</w:tbl>`;
}

/**
 * A minimal Word document: one paragraph per entry; an entry given as an array becomes several runs
 * of one paragraph (as Word splits text when formatting changes); a `{ table }` entry becomes a Word
 * table (w:tbl, merged cells as w:gridSpan).
 */
export async function buildDocx(
  entries: readonly (string | readonly string[] | DocxTable)[],
): Promise<Buffer> {
  const body = entries
    .map((entry) => {
      if (typeof entry === "string") return paragraphXml([entry]);
      if ("table" in entry) return tableXml(entry as DocxTable);
      return paragraphXml(entry as readonly string[]);
    })
    .join("");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", RELATIONSHIPS);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}
