/** A `Retry-After` longer than this is treated as this: the tier is re-checked instead of shelved for hours. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

const SECONDS = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * The wait a `Retry-After` value asks for, in ms from `now`: delta-seconds or an HTTP-date
 * (RFC 9110 §10.2.3), capped at `capMs`. A date in the past means 0. Undefined for a missing or
 * unparseable value, so the caller falls back to its own default.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  capMs: number = MAX_RETRY_AFTER_MS,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (SECONDS.test(value)) return Math.min(Math.ceil(Number(value) * 1000), capMs);
  // Every HTTP-date form names a month; Date.parse alone would also take "-5" as a year.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), capMs);
}

/**
 * The wait a rate-limited response asks for: `retry-after-ms` (sent by OpenAI and Anthropic, more
 * precise) wins over `retry-after`.
 */
export function retryAfterFromHeaders(
  headers: { header(name: string): string | undefined },
  now: number,
  capMs: number = MAX_RETRY_AFTER_MS,
): number | undefined {
  const ms = headers.header("retry-after-ms");
  if (ms !== undefined && SECONDS.test(ms)) return Math.min(Math.ceil(Number(ms)), capMs);
  return parseRetryAfter(headers.header("retry-after"), now, capMs);
}
