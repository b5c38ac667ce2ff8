import { describe, expect, it } from "vitest";
import type { OpenAITool } from "../types/openai.js";
import { mapToolParameters } from "./map-tool-parameters.js";

describe("mapToolParameters", () => {
  it("maps each function's schema and keeps other tools and the originals untouched", () => {
    const parameters = { type: "object", $schema: "x" };
    const tools: OpenAITool[] = [
      { type: "function", function: { name: "Read", parameters } },
      { type: "function", function: { name: "Bare" } } as OpenAITool,
      { type: "web_search" },
    ];
    const mapped = mapToolParameters(tools, ({ $schema: _, ...rest }) => rest);
    expect(mapped).toEqual([
      { type: "function", function: { name: "Read", parameters: { type: "object" } } },
      tools[1],
      tools[2],
    ]);
    expect(mapped[1]).toBe(tools[1]);
    expect(parameters).toEqual({ type: "object", $schema: "x" });
  });
});
