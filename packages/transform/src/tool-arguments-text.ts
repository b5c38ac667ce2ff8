/**
 * A streamed or returned tool call's `arguments` as text. OpenAI specifies
 * a JSON string; some servers send the object itself, which would otherwise
 * become "[object Object]".
 */
export function toolArgumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value == null) return "";
  return JSON.stringify(value);
}
