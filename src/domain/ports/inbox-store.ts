/** A request from the chat platform, as the inbox stores it before acknowledging it. */
export interface NewInboxEntry {
  /** The request's identity ("event:<event_id>", "trigger:<trigger_id>", "body:<sha256>"): one entry per key. */
  key: string;
  /** "message", "message_changed", "command", "view_submission" ... */
  kind: string;
  /** Whether a process starting up processes it again when it was left unprocessed. */
  replay: boolean;
  /** The request body as received. */
  payload: unknown;
  receivedAt: Date;
  /** The process storing it, which processes it now ("host:pid:random"). */
  owner: string;
}

/** An entry to process again (its process died before it was processed). */
export interface InboxEntry {
  id: string;
  key: string;
  kind: string;
  payload: unknown;
  receivedAt: Date;
}

/** The inbox: requests stored before they are acknowledged, processed after, each once. */
export interface InboxStore {
  /** Stores the entry, claimed by its owner, in one insert; null when its key is already there (seen before). */
  accept(entry: NewInboxEntry): Promise<string | null>;
  /** Done (with the error that stopped it, if one did). */
  markProcessed(id: string, at: Date, error: string | null): Promise<void>;
  /** The owners of entries not processed yet: a starting process tells the dead ones from the living. */
  listUnprocessedOwners(): Promise<string[]>;
  /**
   * Claims for `owner` the oldest entry to replay that is not processed and was claimed by one of `from.owners`
   * or before `from.claimedBefore`; null when none is left.
   */
  claimNext(
    owner: string,
    from: { owners: readonly string[]; claimedBefore: Date },
    at: Date,
  ): Promise<InboxEntry | null>;
  /** Forgets entries received before `before` that are processed or never replayed; how many. */
  prune(before: Date): Promise<number>;
}
