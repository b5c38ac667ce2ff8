import { shortHash } from "./short-hash.js";

const VALID_TOOL_ID = /^[a-zA-Z0-9_-]+$/;
const INVALID_TOOL_ID_CHARS = /[^a-zA-Z0-9_-]/g;

/**
 * A tool call id both Anthropic and OpenAI-compatible APIs accept
 * (`^[a-zA-Z0-9_-]+$`). Valid ids are returned unchanged and the mapping is
 * idempotent, so applying it to `tool_use.id`, to `tool_result.tool_use_id`
 * and to ids coming back from the upstream (Kimi's `functions.Bash:0`) keeps
 * every pair matching on the next turn. The hash suffix keeps ids that differ
 * only in replaced characters (`a.b` and `a:b`) apart.
 */
export function normalizeToolId(id: string): string {
  if (VALID_TOOL_ID.test(id)) return id;
  if (id === "") return "toolu_empty";
  return `${id.replace(INVALID_TOOL_ID_CHARS, "_")}_${shortHash(id, 6)}`;
}
