/**
 * Whether a request on a route both kinds of client use (`GET /v1/models`, an unknown path) comes from an
 * OpenAI client, so it is answered in OpenAI's shape. Anthropic clients (Claude Code, the Anthropic SDKs)
 * always send `anthropic-version`, and usually their key as `x-api-key`; OpenAI clients (the `openai` SDK,
 * Codex CLI, Chat Completions tools) send neither, and their key as `Authorization: Bearer`. A request with
 * none of these headers gets the Anthropic shape, as before OpenAI clients were served.
 */
export function isOpenAIClient(header: (name: string) => string | undefined): boolean {
  if (header("anthropic-version") !== undefined || header("x-api-key") !== undefined) return false;
  return header("authorization") !== undefined;
}
