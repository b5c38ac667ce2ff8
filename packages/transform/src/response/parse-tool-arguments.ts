import { jsonrepair } from "jsonrepair";

/**
 * A tool call's `arguments` string → the object Anthropic's `input` must be.
 * Empty means no arguments; slightly malformed JSON (trailing commas, an
 * unterminated string from a truncated reply) is repaired rather than
 * turned into Claude Code's "Invalid tool parameters".
 */
export function parseToolArguments(text: string | null | undefined): Record<string, unknown> {
  if (text == null || text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON.parse(jsonrepair(text));
    } catch {
      return {};
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
