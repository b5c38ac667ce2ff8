import { shortHash } from "./short-hash.js";
import type { TranslationContext } from "./translation-context.js";

/** OpenAI rejects function names longer than this. */
export const MAX_TOOL_NAME_LENGTH = 64;

const HASH_LENGTH = 8;

/**
 * A tool name that fits the upstream's limit. Long names (deeply namespaced
 * MCP tools) keep a readable prefix so the model still understands them, and
 * end in a hash of the full name so two names sharing a prefix stay distinct
 * and the same name always shortens the same way across turns.
 */
export function shortenToolName(name: string): string {
  if (name.length <= MAX_TOOL_NAME_LENGTH) return name;
  return `${name.slice(0, MAX_TOOL_NAME_LENGTH - HASH_LENGTH - 1)}_${shortHash(name, HASH_LENGTH)}`;
}

/** The name Claude Code knows for a tool name the upstream used. */
export function restoreToolName(context: TranslationContext, name: string): string {
  return context.toolNames[name] ?? name;
}
