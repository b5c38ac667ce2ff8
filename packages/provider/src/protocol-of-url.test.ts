import { describe, expect, it } from "vitest";
import { protocolOfUrl } from "./protocol-of-url.js";

describe("protocolOfUrl", () => {
  it.each([
    ["https://api.anthropic.com/v1/messages", "anthropic"],
    ["https://api.z.ai/api/anthropic", "anthropic"],
    ["https://api.minimax.io/anthropic/", "anthropic"],
    ["https://api.deepseek.com/anthropic/v1/messages", "anthropic"],
    ["https://api.deepseek.com", "openai"],
    ["https://api.z.ai/api/coding/paas/v4", "openai"],
    ["https://openrouter.ai/api/v1/chat/completions", "openai"],
    ["http://127.0.0.1:11434", "openai"],
    // Only a whole path segment counts, not a substring of one or the host.
    ["https://anthropic.example.com/v1", "openai"],
    ["https://api.example.com/anthropic-compat/v1", "openai"],
  ])("%s → %s", (url, protocol) => {
    expect(protocolOfUrl(url)).toBe(protocol);
  });
});
