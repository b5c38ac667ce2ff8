const marker = Symbol.for("ccr.proxy.start-error");

export type StartErrorCode = "port_in_use" | "unsafe_host" | "listen_failed" | "already_running";

/** The proxy could not start; the message is one line that says how to fix it. */
export class StartError extends Error {
  readonly [marker] = true;
  readonly code: StartErrorCode;

  constructor(code: StartErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartError";
    this.code = code;
  }

  static isInstance(error: unknown): error is StartError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
