import { resolveDepartmentRef } from "../../domain/addressing/resolve-department-ref.ts";
import type { ContactImportRow } from "../../domain/contacts/read-contact-table.ts";
import { DomainError } from "../../domain/errors.ts";
import type { DirectoryUser, UserDirectory } from "../../domain/ports/chat.ts";
import { higherRole, parseRoleName } from "../../domain/supervision/roles.ts";
import type { DepartmentInfo, Person, Role } from "../../domain/supervision/supervision-types.ts";
import { cleanPersonInput } from "../../domain/text/control-characters.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

export interface ContactImportResult {
  imported: Array<{
    line: number;
    name: string;
    department: string | null;
    role: Role;
    contactAdded: boolean;
    roleChanged: boolean;
  }>;
  /** Departments the plan does not know (or that name several): the row is not imported. */
  unknownDepartments: Array<{ line: number; department: string }>;
  /** E-mails the chat workspace does not know: the row is not imported. */
  unknownEmails: Array<{ line: number; email: string }>;
  /** Rows with a missing or unreadable value: not imported. */
  invalidRows: Array<{ line: number; problem: string }>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ResolvedRow {
  row: ContactImportRow;
  user: DirectoryUser;
  department: DepartmentInfo | null;
  role: Role;
}

/** Checks one row, listing each of its problems in `result`; the row resolved when it has none. */
async function resolveRow(
  row: ContactImportRow,
  departments: readonly DepartmentInfo[],
  directory: UserDirectory,
  result: ContactImportResult,
): Promise<ResolvedRow | null> {
  const { line } = row;
  let listed = false;
  const invalid = (problem: string) => {
    result.invalidRows.push({ line, problem });
    listed = true;
  };
  const role = row.role === "" ? "CONTACT" : parseRoleName(row.role);
  if (role === null) invalid(`unknown role "${row.role}" (联络员, 督查人员, 管理员, 读者)`);
  if (row.department === "" && role === "CONTACT") invalid("a contact needs a department");
  const found = row.department === "" ? null : resolveDepartmentRef(row.department, departments);
  if (found !== null && found.kind !== "found") {
    result.unknownDepartments.push({ line, department: row.department });
    listed = true;
  }
  const department = found?.kind === "found" ? (departments.find((d) => d.id === found.id) ?? null) : null;
  let user: DirectoryUser | null = null;
  if (!EMAIL.test(row.email)) invalid(`not an e-mail address: "${row.email}"`);
  else {
    user = cleanPersonInput(await directory.lookupByEmail(row.email));
    if (user === null) {
      result.unknownEmails.push({ line, email: row.email });
      listed = true;
    }
  }
  return listed || role === null || user === null ? null : { row, user, department, role };
}

/**
 * Imports contacts (`duban contacts import`): each row's department resolved by name or alias, its
 * e-mail looked up in the chat workspace, the person found or created and made a contact of the
 * department with the row's role (联络员 when empty). A person gets the highest role their rows give and
 * never loses a higher role they hold. Unknown departments, unknown e-mails and bad rows are listed in
 * the result, never silently skipped. Each change is audited as `actor`. Control characters in the cells
 * (and in the names the directory gives) are removed first: `duban contacts import` calls this directly, not
 * through the core's cleaning boundary (withCleanInput).
 */
export async function importContacts(
  deps: Pick<SupervisionDeps, "store" | "clock" | "planId">,
  rows: readonly ContactImportRow[],
  directory: UserDirectory,
  actor = "cli",
): Promise<ContactImportResult> {
  const plan = await deps.store.readPlanDirectory(deps.planId);
  if (plan === null)
    throw new DomainError("no-plan", "no plan is loaded yet: run `duban load workflows/<plan>.yaml` first");
  const result: ContactImportResult = {
    imported: [],
    unknownDepartments: [],
    unknownEmails: [],
    invalidRows: [],
  };
  const resolved: ResolvedRow[] = [];
  for (const row of cleanPersonInput(rows)) {
    const ok = await resolveRow(row, plan.departments, directory, result);
    if (ok !== null) resolved.push(ok);
  }
  const fileRoles = new Map<string, Role>();
  for (const { user, role } of resolved)
    fileRoles.set(user.externalId, higherRole(fileRoles.get(user.externalId) ?? "READER", role));
  const people = new Map<string, Person>();
  for (const { row, user, department } of resolved) {
    const at = deps.clock.now();
    const person =
      people.get(user.externalId) ??
      (await deps.store.findPerson(directory.platform, user.externalId)) ??
      (await deps.store.createPerson(
        {
          platform: directory.platform,
          externalId: user.externalId,
          displayName: user.displayName || row.name,
          email: row.email,
          locale: user.locale,
          role: "READER",
        },
        { actor, action: "person.create", subjectType: "person", subjectId: "", at },
      ));
    const role = higherRole(person.role, fileRoles.get(user.externalId) ?? "CONTACT");
    const departmentId = department?.id ?? null;
    const change = await deps.store.assignPerson(
      { personId: person.id, role, departmentId },
      {
        actor,
        action: "contact.import",
        subjectType: "person",
        subjectId: person.id,
        before: { role: person.role, departmentIds: person.departmentIds },
        after: { role, departmentId, line: row.line },
        at,
      },
    );
    people.set(user.externalId, { ...person, role });
    result.imported.push({
      line: row.line,
      name: person.displayName,
      department: department?.name ?? null,
      role,
      ...change,
    });
  }
  return result;
}
