import { translateProviderRequest } from "@ccr/provider/conformance";
import { describe, expect, it } from "vitest";
import { geminiProvider } from "./gemini-provider.js";

describe("Gemini requests", () => {
  it("clean Claude Code's tool schemas down to what Gemini accepts", async () => {
    const body = await translateProviderRequest(geminiProvider, {
      model: "claude-sonnet-5-5",
      max_tokens: 4096,
      messages: [{ role: "user", content: "hi" }],
      tools: [
        {
          name: "Read",
          description: "Read a file",
          input_schema: {
            $schema: "http://json-schema.org/draft-07/schema#",
            type: "object",
            additionalProperties: false,
            properties: { file_path: { type: "string", format: "uri", default: "README.md" } },
            required: ["file_path"],
          },
        },
      ],
    });
    expect((body as { tools: unknown[] }).tools).toEqual([
      {
        type: "function",
        function: {
          name: "Read",
          description: "Read a file",
          parameters: {
            type: "object",
            properties: { file_path: { type: "string" } },
            required: ["file_path"],
          },
        },
      },
    ]);
  });
});
