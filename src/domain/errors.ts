/**
 * A mistake a user can fix (bad input, a refused action, a missing file).
 * `userMessage` is shown to the user as it is; front ends never show a stack trace for it.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, userMessage: string, internalMessage?: string) {
    super(internalMessage ?? userMessage);
    this.name = "DomainError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
