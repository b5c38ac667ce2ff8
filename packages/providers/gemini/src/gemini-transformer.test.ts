import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { cleanGeminiSchema, geminiTransformer } from "./gemini-transformer.js";

describe("gemini", () => {
  it("cleans tool schemas recursively to the subset Gemini accepts", () => {
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      additionalProperties: false,
      properties: {
        url: { type: "string", format: "uri", description: "The URL" },
        when: { type: "string", format: "date-time", default: "now" },
        count: { type: ["integer", "null"], format: "int32", examples: [1] },
        mode: { const: "fast" },
        level: { const: 3 },
        edits: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            properties: { old: { type: "string" } },
            required: ["old", "gone"],
          },
        },
        either: {
          anyOf: [
            { type: "string", minLength: 1 },
            { type: "number", exclusiveMinimum: 0 },
          ],
        },
      },
      required: ["url"],
    };
    expect(cleanGeminiSchema(schema)).toEqual({
      type: "object",
      properties: {
        url: { type: "string", description: "The URL" },
        when: { type: "string", format: "date-time" },
        count: { type: "integer", nullable: true, format: "int32" },
        mode: { enum: ["fast"], type: "string" },
        level: {},
        edits: {
          type: "array",
          items: { type: "object", properties: { old: { type: "string" } }, required: ["old"] },
        },
        either: { anyOf: [{ type: "string", minLength: 1 }, { type: "number" }] },
      },
      required: ["url"],
    });
  });

  it("keeps a property literally named like a dropped keyword", () => {
    const schema = { type: "object", properties: { default: { type: "string" } }, required: ["default"] };
    expect(cleanGeminiSchema(schema)).toEqual(schema);
  });

  it("applies to every function tool of the body without touching the original", async () => {
    const parameters = { type: "object", additionalProperties: false, properties: {} };
    const body = openAIBody({ tools: [{ type: "function", function: { name: "T", parameters } }] });
    const out = await geminiTransformer().openaiRequest?.(body, tierContext());
    expect(out?.tools).toEqual([
      { type: "function", function: { name: "T", parameters: { type: "object", properties: {} } } },
    ]);
    expect(parameters.additionalProperties).toBe(false);
  });
});
