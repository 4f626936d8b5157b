import { describe, expect, it } from "vitest";
import { canGrantRole, canReportFor, parseRoleName } from "../../../src/domain/supervision/roles.ts";

describe("roles", () => {
  it("reads role names in Chinese and English", () => {
    expect(["联络员", "督查人员", "管理员", "读者", "Contact", "SUPERVISOR"].map(parseRoleName)).toEqual([
      "CONTACT",
      "SUPERVISOR",
      "ADMIN",
      "READER",
      "CONTACT",
      "SUPERVISOR",
    ]);
    expect(parseRoleName("局长")).toBeNull();
  });

  it("lets a contact report only for their own departments; supervisors and admins for any", () => {
    const contact = { role: "CONTACT" as const, departmentIds: ["a"] };
    expect(canReportFor(contact, "a")).toBe(true);
    expect(canReportFor(contact, "b")).toBe(false);
    expect(canReportFor({ role: "READER", departmentIds: ["a"] }, "a")).toBe(false);
    expect(canReportFor({ role: "SUPERVISOR", departmentIds: [] }, "b")).toBe(true);
  });

  it("lets supervisors grant contact and reader to non-supervisors; admins anything; others nothing", () => {
    const supervisor = { role: "SUPERVISOR" as const };
    expect(canGrantRole(supervisor, { role: "READER" }, "CONTACT")).toBe(true);
    expect(canGrantRole(supervisor, { role: "CONTACT" }, "READER")).toBe(true);
    expect(canGrantRole(supervisor, { role: "READER" }, "SUPERVISOR")).toBe(false);
    expect(canGrantRole(supervisor, { role: "ADMIN" }, "CONTACT")).toBe(false);
    expect(canGrantRole(supervisor, { role: "SUPERVISOR" }, "SUPERVISOR")).toBe(true); // unchanged
    expect(canGrantRole({ role: "ADMIN" }, { role: "READER" }, "ADMIN")).toBe(true);
    expect(canGrantRole({ role: "CONTACT" }, { role: "READER" }, "CONTACT")).toBe(false);
  });
});
