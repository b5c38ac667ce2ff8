import { describe, expect, it } from "vitest";
import { endpointUrlFor } from "./resolve-endpoint.js";

describe("endpointUrlFor", () => {
  it.each([
    // The spec's rule (providerEndpointUrl of @ccr/provider, tested there) for every other URL.
    ["https://api.deepseek.com", "openai", "https://api.deepseek.com/v1/chat/completions"],
    ["https://api.z.ai/api/anthropic", "anthropic", "https://api.z.ai/api/anthropic/v1/messages"],
    // claude-code-router's Gemini entries name Gemini's native API; CCR speaks its OpenAI-compatible one.
    [
      "https://generativelanguage.googleapis.com/v1beta/models/",
      "openai",
      "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
    ],
    [
      "https://generativelanguage.googleapis.com",
      "openai",
      "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
    ],
    [
      "https://generativelanguage.googleapis.com/v1beta/openai/",
      "openai",
      "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
    ],
    [
      "https://generativelanguage.googleapis.com/v1beta/models?key=k",
      "openai",
      "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions?key=k",
    ],
  ] as const)("%s (%s) → %s", (base, protocol, endpoint) => {
    expect(endpointUrlFor(base, protocol)).toBe(endpoint);
  });
});
