/** A chat workspace's user, found by e-mail. */
export interface DirectoryUser {
  externalId: string;
  displayName: string;
  locale: string | null;
}

/** The chat platform's user directory (Slack: users.lookupByEmail), for importing contacts. */
export interface UserDirectory {
  /** The platform the ids belong to ("slack"). */
  platform: string;
  lookupByEmail(email: string): Promise<DirectoryUser | null>;
}
