import { DomainError } from "../errors.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";

/** One row of a contacts file, as written; `line` is its row number in the file (the header is 1). */
export interface ContactImportRow {
  line: number;
  department: string;
  name: string;
  email: string;
  role: string;
}

type Column = "department" | "name" | "email" | "role";

/** Header words per column, English or Chinese, folded to lower case without spaces. */
const HEADERS: Record<string, Column> = {
  department: "department",
  dept: "department",
  部门: "department",
  单位: "department",
  name: "name",
  姓名: "name",
  email: "email",
  "e-mail": "email",
  mail: "email",
  邮箱: "email",
  电子邮箱: "email",
  role: "role",
  角色: "role",
};

const REQUIRED: readonly Column[] = ["department", "name", "email"];

/**
 * Reads a contacts table (first row: headers department, name, email, role, or 部门, 姓名, 邮箱, 角色, in
 * any order) into rows; blank rows are skipped. A missing required column is one DomainError line.
 */
export function readContactTable(
  table: readonly (readonly string[])[],
  fileName: string,
): ContactImportRow[] {
  const [header, ...body] = table;
  const columns = new Map<Column, number>();
  for (const [index, cell] of (header ?? []).entries()) {
    const column = HEADERS[normalizeChatText(cell).replace(/\s+/g, "")];
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  }
  const missing = REQUIRED.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw new DomainError(
      "contacts-header",
      `${fileName}: the first row must name the columns 部门/department, 姓名/name, 邮箱/email (and 角色/role); missing: ${missing.join(", ")}`,
    );
  }
  const cell = (row: readonly string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : (row[index] ?? "").trim();
  };
  return body.flatMap((row, index) => {
    if (row.every((value) => value.trim() === "")) return [];
    const line = index + 2;
    return [
      {
        line,
        department: cell(row, "department"),
        name: cell(row, "name"),
        email: cell(row, "email"),
        role: cell(row, "role"),
      },
    ];
  });
}
