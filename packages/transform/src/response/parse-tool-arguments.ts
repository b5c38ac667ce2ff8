import { jsonrepair } from "jsonrepair";

/**
 * A tool call's `arguments` → the object Anthropic's `input` must be.
 * Empty means no arguments; slightly malformed JSON (trailing commas, an
 * unterminated string from a truncated reply) is repaired rather than
 * turned into Claude Code's "Invalid tool parameters". Undefined when no
 * object can be read from them (not JSON even repaired, or JSON that is not
 * an object): the caller reports it, since a call with its arguments
 * silently replaced by `{}` would run with none.
 */
export function parseToolArguments(text: unknown): Record<string, unknown> | undefined {
  // Some servers send the arguments as the object itself rather than the JSON string OpenAI specifies.
  if (typeof text === "object" && text !== null && !Array.isArray(text))
    return text as Record<string, unknown>;
  if (text == null || (typeof text === "string" && text.trim() === "")) return {};
  if (typeof text !== "string") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON.parse(jsonrepair(text));
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
