import type { Person } from "../../domain/supervision/supervision-types.ts";
import type { DemoPeopleStore, DemoPersonSpec } from "../db/prisma-demo-people.ts";

/** Chat platform of people who use Duban through the local shell. */
export const SHELL_PLATFORM = "shell";

/** The demo people: who they are in the plan, for `/as` and the banner. */
export interface DemoRoster {
  supervisor: Person;
  people: Person[];
  /** Each department's demo contact, with the names `/as` accepts for it. */
  contacts: Array<{ department: { id: string; name: string; aliases: string[] }; person: Person }>;
}

export const DEMO_NAMES = {
  supervisor: "演示督查员",
  admin: "演示管理员",
  reader: "演示读者",
  contact: (departmentName: string) => `演示联络员·${departmentName}`,
} as const;

/**
 * Makes sure the demo people exist (marked Person.isDemo): a supervisor (督查人员), an admin, a reader, and
 * one contact (联络员) per city-level lead department of the plan. County departments get none.
 */
export async function ensureDemoRoster(
  store: DemoPeopleStore,
  planId: string,
  at: Date,
): Promise<DemoRoster> {
  const departments = await store.listUpperLeadDepartments(planId);
  const specs: DemoPersonSpec[] = [
    {
      externalId: "demo-supervisor",
      displayName: DEMO_NAMES.supervisor,
      role: "SUPERVISOR",
      departmentIds: [],
    },
    { externalId: "demo-admin", displayName: DEMO_NAMES.admin, role: "ADMIN", departmentIds: [] },
    { externalId: "demo-reader", displayName: DEMO_NAMES.reader, role: "READER", departmentIds: [] },
    ...departments.map((department) => ({
      externalId: `demo-contact-${department.id}`,
      displayName: DEMO_NAMES.contact(department.name),
      role: "CONTACT" as const,
      departmentIds: [department.id],
    })),
  ];
  const people = await store.ensureDemoPeople(SHELL_PLATFORM, specs, at);
  const byExternalId = new Map(people.map((person) => [person.externalId, person]));
  const ordered = specs.flatMap((spec) => byExternalId.get(spec.externalId) ?? []);
  const supervisor = byExternalId.get("demo-supervisor");
  if (supervisor === undefined) throw new Error("the demo supervisor was not created");
  const contacts = departments.flatMap((department) => {
    const person = byExternalId.get(`demo-contact-${department.id}`);
    return person === undefined ? [] : [{ department, person }];
  });
  return { supervisor, people: ordered, contacts };
}
