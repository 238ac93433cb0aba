/** Expected failures of the data layer: their messages are meant for the user and are passed through as they are. */
import type { FieldErrors } from "@/lib/domain/schemas/parse";

export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

export interface ConflictDetails<T> {
  /** The record as it is now, for the form to show beside what the user typed. */
  readonly current?: T;
  /** Who made the change the user had not seen (an email, or e.g. `cli:root`), when the audit log says. */
  readonly changedBy?: string;
  readonly changedAt?: Date;
}

/** The write would overwrite or duplicate something: nothing was written. */
export class ConflictError<T = unknown> extends Error {
  override readonly name = "ConflictError";
  readonly current: T | undefined;
  readonly changedBy: string | undefined;
  readonly changedAt: Date | undefined;

  constructor(message: string, details: ConflictDetails<T> = {}) {
    super(message);
    this.current = details.current;
    this.changedBy = details.changedBy;
    this.changedAt = details.changedAt;
  }
}

/** The input was refused, field by field (lib/domain/schemas/parse.ts): nothing was written. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly fieldErrors: FieldErrors;

  constructor(fieldErrors: FieldErrors) {
    const summary = Object.entries(fieldErrors)
      .map(([path, messages]) => (path === "" ? messages.join("; ") : `${path}: ${messages.join("; ")}`))
      .join("; ");
    super(`Please correct the input: ${summary}`);
    this.fieldErrors = fieldErrors;
  }

  /** One field's error. */
  static field(path: string, message: string): ValidationError {
    return new ValidationError({ [path]: [message] });
  }
}
