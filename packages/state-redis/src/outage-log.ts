/** What the store logs through: pino's signature, as the router's logger. */
export interface StateStoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** At most one warning this often while Redis stays unreachable. */
export const OUTAGE_WARNING_INTERVAL_MS = 60_000;

/**
 * Warnings about an unreachable Redis without one line per request: the first failure is logged at
 * once, then one line a minute with the number of failures in between, and one line when it is back.
 */
export class OutageLog {
  readonly #logger: StateStoreLogger | undefined;
  readonly #now: () => number;
  readonly #where: string;
  #down = false;
  #lastWarningAt = 0;
  #failuresSinceWarning = 0;
  #lastUnreadableAt = Number.NEGATIVE_INFINITY;

  constructor(options: { logger?: StateStoreLogger; now: () => number; where: string }) {
    this.#logger = options.logger;
    this.#now = options.now;
    this.#where = options.where;
  }

  get down(): boolean {
    return this.#down;
  }

  failed(operation: string, error: Error): void {
    this.#failuresSinceWarning++;
    const now = this.#now();
    if (this.#down && now - this.#lastWarningAt < OUTAGE_WARNING_INTERVAL_MS) return;
    const failures = this.#failuresSinceWarning;
    this.#logger?.warn(
      { redis: this.#where, operation, err: error.message, failures },
      this.#down
        ? `shared tier state: ${this.#where} still unreachable (${failures} failed operations in the last ` +
            `${Math.round((now - this.#lastWarningAt) / 1000)} s); this replica keeps deciding on its own state`
        : `shared tier state: ${this.#where} failed (${operation}: ${error.message}); ` +
            "cooldowns and circuits are decided on this replica's own state until it answers again",
    );
    this.#down = true;
    this.#lastWarningAt = now;
    this.#failuresSinceWarning = 0;
  }

  /** A record or announcement this version cannot read (written by another version?): Redis itself is fine. */
  unreadable(error: Error): void {
    const now = this.#now();
    if (now - this.#lastUnreadableAt < OUTAGE_WARNING_INTERVAL_MS) return;
    this.#lastUnreadableAt = now;
    this.#logger?.warn(
      { redis: this.#where, err: error.message },
      `shared tier state: ${error.message}; ignored (is another CCR version writing under the same key prefix?)`,
    );
  }

  recovered(tiers: number): void {
    if (!this.#down) return;
    this.#down = false;
    this.#failuresSinceWarning = 0;
    this.#logger?.info(
      { redis: this.#where, tiers },
      `shared tier state: ${this.#where} answers again; re-synced ${tiers} records (tiers and keys)`,
    );
  }
}

/** `redis://host:port` without credentials, for log lines. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "Redis";
  }
}
