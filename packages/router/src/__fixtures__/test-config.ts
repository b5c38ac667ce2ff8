import { type CcrConfig, normalizeConfig } from "@ccr/config";

export const A_URL = "https://a.example/v1/chat/completions";
export const B_URL = "https://b.example/v1/chat/completions";
export const C_URL = "https://c.example/v1/messages";

/**
 * Three tiers: `a,m1` → `b,m2` (OpenAI-compatible) → `c,claude-x` (Anthropic-compatible), plus a
 * model for every scenario. Retries are fast: 2 retries, 10 ms base backoff.
 */
export function testConfig(overrides: { Router?: Record<string, unknown>; [key: string]: unknown } = {}): CcrConfig {
  const { Router, ...rest } = overrides;
  return normalizeConfig(
    {
      Providers: [
        { name: "a", api_base_url: A_URL, api_key: "sk-a-secret", models: ["m1", "big", "vision", "search"] },
        { name: "b", api_base_url: B_URL, api_key: "sk-b-secret", models: ["m2", "fast"] },
        { name: "c", api_base_url: C_URL, api_key: "sk-c-secret", models: ["claude-x"] },
      ],
      Router: {
        default: "a,m1",
        background: "b,fast",
        think: "c,claude-x",
        longContext: "a,big",
        longContextThreshold: 2000,
        webSearch: "a,search",
        image: "a,vision",
        tiers: ["a,m1", "b,m2", "c,claude-x"],
        tierRetries: { "*": { max_retries: 2, base_backoff_ms: 10, max_backoff_ms: 40 } },
        ...Router,
      },
      ...rest,
    },
    { env: {} },
  ).config;
}
