import { describe, expect, it } from "vitest";
import type { ModelInfo } from "./model-info.js";
import { resolveModelInfo } from "./resolve-model-info.js";

function model(id: string): ModelInfo {
  return {
    id,
    contextWindow: 1000,
    maxOutputTokens: 100,
    capabilities: { tools: true, vision: false, reasoning: false },
    pricing: { input: 0, output: 0 },
  };
}

const def = { models: [model("qwen3-coder"), model("qwen3-coder-plus"), model("GLM-4.6")] };

describe("resolveModelInfo", () => {
  it("finds the exact id first", () => {
    expect(resolveModelInfo(def, "qwen3-coder-plus")?.id).toBe("qwen3-coder-plus");
  });

  it("ignores case", () => {
    expect(resolveModelInfo(def, "glm-4.6")?.id).toBe("GLM-4.6");
  });

  it("maps dated and tagged variants to the longest known prefix", () => {
    expect(resolveModelInfo(def, "qwen3-coder:30b")?.id).toBe("qwen3-coder");
    expect(resolveModelInfo(def, "qwen3-coder-plus-2025-09-23")?.id).toBe("qwen3-coder-plus");
  });

  it("does not guess across unrelated ids", () => {
    expect(resolveModelInfo(def, "qwen3")).toBeUndefined();
    expect(resolveModelInfo(def, "qwen3-coderx")).toBeUndefined();
  });
});
