import { describe, expect, it } from "vitest";
import { cleanGeminiSchema } from "./clean-gemini-schema.js";

describe("cleanGeminiSchema", () => {
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
});
