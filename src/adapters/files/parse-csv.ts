/**
 * Splits CSV text into rows of fields (RFC 4180): comma-separated, fields optionally in double quotes,
 * `""` inside quotes for a quote, line breaks (CRLF or LF) inside quotes kept. A final line break does
 * not make an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") endField();
    else if (char === "\n") endRow();
    else if (char === "\r" && text[index + 1] === "\n") {
      endRow();
      index += 1;
    } else field += char;
    index += 1;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}
