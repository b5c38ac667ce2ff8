import { describe, expect, it } from "vitest";
import { seedProviders } from "../__fixtures__/test-configs.js";
import { normalizeConfig } from "../normalize/normalize-config.js";
import { resolveTier } from "./resolve-tier.js";

const { config } = normalizeConfig(
  { Providers: seedProviders, Router: { default: "zai,glm-4.7" } },
  { env: {} },
);

describe("resolveTier", () => {
  it("resolves a configured provider's listed model", () => {
    expect(resolveTier(config, "deepseek,deepseek-reasoner")).toEqual({
      provider: "deepseek",
      model: "deepseek-reasoner",
      id: "deepseek,deepseek-reasoner",
    });
  });

  it("is undefined for an unknown provider, an unlisted model or a malformed value", () => {
    for (const value of ["openai,gpt-4o", "zai,glm-5", "claude-sonnet-4", ""]) {
      expect(resolveTier(config, value)).toBeUndefined();
    }
  });
});

describe("resolveTier with names in another case", () => {
  const { config: cased } = normalizeConfig(
    {
      Providers: [
        { name: "OpenRouter", api_base_url: "https://openrouter.ai/api/v1", models: ["moonshotai/Kimi-K2"] },
      ],
      Router: { default: "OpenRouter,moonshotai/Kimi-K2" },
    },
    { env: {} },
  );

  it("matches regardless of case (Claude Code lowercases `/model provider,model`), keeping the configured spelling", () => {
    expect(resolveTier(cased, "openrouter,moonshotai/kimi-k2")?.id).toBe("OpenRouter,moonshotai/Kimi-K2");
    expect(resolveTier(cased, "OpenRouter,moonshotai/Kimi-K2")?.id).toBe("OpenRouter,moonshotai/Kimi-K2");
  });

  it("prefers an exact match when two names differ only in case", () => {
    const { config: both } = normalizeConfig(
      {
        Providers: [{ name: "p", api_base_url: "https://p.example/v1", models: ["Model", "model"] }],
        Router: { default: "p,model" },
      },
      { env: {} },
    );
    expect(resolveTier(both, "p,Model")?.model).toBe("Model");
    expect(resolveTier(both, "p,model")?.model).toBe("model");
    expect(resolveTier(both, "p,MODEL")).toBeUndefined();
  });
});
