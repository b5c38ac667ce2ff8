import { describe, expect, it } from "vitest";
import { normalizeConfig } from "./normalize-config";
import { resolveTier } from "./resolve-tier";
import { seedProviders } from "./test-configs";

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
