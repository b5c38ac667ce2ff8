/** The API dialect a provider endpoint speaks: OpenAI Chat Completions or Anthropic Messages. */
export type WireProtocol = "openai" | "anthropic";
