// Domain errors carry the field at fault and a Vietnamese message; adapters map them to exit code 2 / HTTP 4xx.

export class DomainError extends Error {
  readonly code: string;
  /** Path of the offending input, e.g. "events[3].date" or "from_role". */
  readonly field: string;
  constructor(code: string, field: string, message: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = field;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
