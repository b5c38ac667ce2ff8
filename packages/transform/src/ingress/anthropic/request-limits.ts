/**
 * Bounds on a client request, checked before anything else reads it. The
 * defaults are far above what Claude Code sends (a long session is a few
 * hundred messages, a 75 KB system prompt, base64 images of a few MB), so
 * only a broken or hostile client meets them.
 */
export type RequestLimits = {
  /** Objects and arrays nested in one another, counting the body itself. A deeper request is a 400. */
  maxDepth: number;
  /** Characters in any one string or object key (a base64 image is one string). A longer one is a 413. */
  maxStringLength: number;
  /** Entries of `messages`. */
  maxMessages: number;
  /** Blocks in one message's `content`, in `system`, or in one `tool_result`'s `content`. */
  maxBlocksPerMessage: number;
  /** Entries of `tools`. */
  maxTools: number;
};

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxDepth: 128,
  maxStringLength: 32 * 1024 * 1024,
  maxMessages: 100_000,
  maxBlocksPerMessage: 10_000,
  maxTools: 1_000,
});

/** The defaults with the given overrides (an `undefined` override keeps the default). */
export function resolveRequestLimits(limits: Partial<RequestLimits> | undefined): Readonly<RequestLimits> {
  if (limits === undefined) return DEFAULT_REQUEST_LIMITS;
  const resolved = { ...DEFAULT_REQUEST_LIMITS };
  for (const key of Object.keys(resolved) as (keyof RequestLimits)[]) {
    const value = limits[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
