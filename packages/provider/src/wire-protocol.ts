import type { TierProtocol } from "@ccr/transform";

/**
 * The API dialect a provider endpoint speaks: OpenAI Chat Completions or Anthropic Messages. The names
 * are the ones `@ccr/transform`'s translator takes (`TierProtocol`), which owns them: it stands alone,
 * so the spec names its type rather than declaring a second one.
 */
export type WireProtocol = TierProtocol;
