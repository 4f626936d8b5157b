/** A sign-in link to the web board, made for one person. */
export interface IssuedSignInLink {
  url: string;
  expiresAt: Date;
}

/** The web board's access, as the core uses it (`/duban web`): the web adapter keeps the links and sessions. */
export interface WebSignIn {
  /** A new link for the person: valid a short while, usable once. */
  issueLink(personId: string, now: Date): Promise<IssuedSignInLink>;
  /** Ends every open web session of the person (audited as done by `actorId`); how many were ended. */
  revokeSessions(personId: string, actorId: string, now: Date): Promise<number>;
}
