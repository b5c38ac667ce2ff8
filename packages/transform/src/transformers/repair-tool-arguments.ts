import { jsonrepair } from "jsonrepair";

/**
 * Tool-call arguments as a JSON object text, repaired when the model got the
 * JSON wrong (trailing commas, single quotes, unquoted keys, a cut-off end,
 * the whole object encoded once more as a string). Returns "{}" when nothing
 * sensible can be recovered, so the client reports invalid parameters
 * instead of failing to parse the response.
 */
export function repairToolArguments(raw: string): string {
  if (raw.trim() === "") return "{}";
  const direct = objectText(raw, true);
  if (direct !== undefined) return direct;
  try {
    return objectText(jsonrepair(raw), false) ?? "{}";
  } catch {
    return "{}";
  }
}

/** `text` if it is a JSON object; with `unwrap`, also the object inside a JSON string holding one. */
function objectText(text: string, unwrap: boolean): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return text;
  if (unwrap && typeof value === "string" && value.trimStart().startsWith("{"))
    return objectText(value, false);
  return undefined;
}
