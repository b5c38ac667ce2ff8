import { translateProviderRequest } from "@ccr/provider/conformance";
import { describe, expect, it } from "vitest";
import { openrouterProvider } from "./openrouter-provider.js";

describe("OpenRouter requests", () => {
  it("carry the provider routing options and the reasoning setting", async () => {
    const withRouting = {
      ...openrouterProvider,
      transformers: [
        { name: "openrouter", options: { provider: { only: ["z-ai"], allow_fallbacks: false } } },
      ],
    };
    const body = await translateProviderRequest(
      withRouting,
      {
        model: "claude-sonnet-5-5",
        max_tokens: 4096,
        thinking: { type: "enabled", budget_tokens: 2048 },
        messages: [{ role: "user", content: "hi" }],
      },
      { model: "z-ai/glm-5.1" },
    );
    expect(body).toMatchObject({
      model: "z-ai/glm-5.1",
      provider: { only: ["z-ai"], allow_fallbacks: false },
      reasoning: { max_tokens: 2048 },
    });
  });
});
