/** A failure the client is answered with as it stands: its status and message (a bad body, a missing key). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * What the client is told about an error: any error that carries an HTTP status (an HttpError, the router's
 * unknown-preset error, Hono's HTTPException) keeps it; anything else is the proxy's own fault, a 500.
 */
export function errorAnswer(error: unknown): { status: number; message: string } {
  const claimed = (error as { status?: unknown } | null)?.status;
  const status = typeof claimed === "number" && claimed >= 400 && claimed <= 599 ? claimed : 500;
  const message = error instanceof Error && error.message ? error.message : "internal error";
  return { status, message };
}
