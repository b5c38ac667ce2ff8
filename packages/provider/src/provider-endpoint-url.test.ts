import { describe, expect, it } from "vitest";
import { providerEndpointUrl } from "./provider-endpoint-url.js";

describe("providerEndpointUrl", () => {
  it.each([
    ["https://api.deepseek.com", "openai", "https://api.deepseek.com/v1/chat/completions"],
    ["https://api.deepseek.com/", "openai", "https://api.deepseek.com/v1/chat/completions"],
    ["https://api.z.ai/api/coding/paas/v4", "openai", "https://api.z.ai/api/coding/paas/v4/chat/completions"],
    ["https://api.minimax.io/v1/", "openai", "https://api.minimax.io/v1/chat/completions"],
    ["http://127.0.0.1:11434/v1/", "openai", "http://127.0.0.1:11434/v1/chat/completions"],
    ["http://127.0.0.1:11434", "openai", "http://127.0.0.1:11434/v1/chat/completions"],
    [
      "https://openrouter.ai/api/v1/chat/completions",
      "openai",
      "https://openrouter.ai/api/v1/chat/completions",
    ],
    [
      "https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21",
      "openai",
      "https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21",
    ],
    ["https://api.anthropic.com", "anthropic", "https://api.anthropic.com/v1/messages"],
    ["https://api.anthropic.com/v1", "anthropic", "https://api.anthropic.com/v1/messages"],
    ["https://api.anthropic.com/v1/messages", "anthropic", "https://api.anthropic.com/v1/messages"],
    ["https://api.z.ai/api/anthropic", "anthropic", "https://api.z.ai/api/anthropic/v1/messages"],
    ["https://api.deepseek.com/anthropic", "anthropic", "https://api.deepseek.com/anthropic/v1/messages"],
  ] as const)("%s (%s) → %s", (base, protocol, endpoint) => {
    expect(providerEndpointUrl(base, protocol)).toBe(endpoint);
  });
});
