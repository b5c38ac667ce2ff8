import { tokenCount } from "../stream/token-usage.js";
import { isRecord } from "../transformer/transformer-options.js";

const COUNTS = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"];

/**
 * An Anthropic upstream's `usage` as a client can add it up: each count that is there but is not a count
 * (a string, a negative number, Infinity) becomes one (see tokenCount), each count of `required` that is
 * missing is 0, and a usage that is not an object is `required`'s zeros. The very object when nothing
 * needed cleaning, so an event carrying it can still be written as it came.
 */
export function cleanAnthropicUsage(usage: unknown, required: readonly string[]): Record<string, unknown> {
  if (!isRecord(usage)) return Object.fromEntries(required.map((key) => [key, 0]));
  let clean: Record<string, unknown> | undefined;
  for (const key of COUNTS) {
    const value = usage[key];
    const wanted =
      value === undefined || value === null ? (required.includes(key) ? 0 : value) : tokenCount(value);
    if (wanted === value) continue;
    clean ??= { ...usage };
    clean[key] = wanted;
  }
  return clean ?? usage;
}
