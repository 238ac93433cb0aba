/** Expected failures of the data layer: their messages are meant for the user and are passed through as they are. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

export class ConflictError extends Error {
  override readonly name = "ConflictError";
}
