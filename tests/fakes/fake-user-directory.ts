import type { DirectoryUser, UserDirectory } from "../../src/domain/ports/chat.ts";

/** A user directory holding the given users by e-mail (case-insensitive); it records every lookup. */
export function createFakeUserDirectory(
  users: Record<string, DirectoryUser>,
): UserDirectory & { lookups: string[] } {
  const byEmail = new Map(Object.entries(users).map(([email, user]) => [email.toLowerCase(), user]));
  const lookups: string[] = [];
  return {
    platform: "slack",
    lookups,
    lookupByEmail: async (email) => {
      lookups.push(email);
      return byEmail.get(email.toLowerCase()) ?? null;
    },
  };
}
