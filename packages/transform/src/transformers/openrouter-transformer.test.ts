import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { openrouterTransformer } from "./openrouter-transformer.js";

describe("openrouter", () => {
  it("merges options such as provider routing into the body", async () => {
    const transformer = openrouterTransformer({ provider: { only: ["moonshotai/fp8"] } });
    const body = await transformer.openaiRequest?.(openAIBody(), tierContext());
    expect(body?.provider).toEqual({ only: ["moonshotai/fp8"] });
  });

  it.each([
    [{ type: "enabled", budget_tokens: 4000 }, undefined, { max_tokens: 4000 }],
    [{ type: "adaptive" }, "medium", { effort: "medium" }],
    [{ type: "adaptive" }, "max", { effort: "xhigh" }],
    [{ type: "adaptive" }, undefined, { enabled: true }],
    [{ type: "disabled" }, undefined, { enabled: false }],
  ] as const)("maps thinking %j with effort %s to reasoning %j", async (thinking, effort, reasoning) => {
    const context = tierContext({ request: { thinking, ...(effort ? { output_config: { effort } } : {}) } });
    const body = await openrouterTransformer().openaiRequest?.(openAIBody(), context);
    expect(body?.reasoning).toEqual(reasoning);
  });

  it("sends no reasoning parameter when the client asked nothing about thinking", async () => {
    const body = await openrouterTransformer().openaiRequest?.(openAIBody(), tierContext());
    expect(body).not.toHaveProperty("reasoning");
  });
});
