import { normalizeToolId, translateProviderRequest } from "@ccr/provider/conformance";
import { describe, expect, it } from "vitest";
import { moonshotProvider } from "./moonshot-provider.js";

// Kimi answered with `functions.Read:0`; Claude Code saw, and now sends back, the normalized id.
const seenByClaudeCode = normalizeToolId("functions.Read:0");

describe("Moonshot requests", () => {
  it("give Kimi back its own tool call ids", async () => {
    const body = await translateProviderRequest(moonshotProvider, {
      model: "claude-sonnet-5-5",
      max_tokens: 4096,
      messages: [
        { role: "user", content: "Read the README" },
        {
          role: "assistant",
          content: [
            { type: "tool_use", id: seenByClaudeCode, name: "Read", input: { file_path: "README.md" } },
          ],
        },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: seenByClaudeCode, content: "# CCR" }],
        },
      ],
    });
    expect(body).toMatchObject({
      model: "kimi-k2.6",
      messages: [
        { role: "user" },
        { role: "assistant", tool_calls: [{ id: "functions.Read:0", function: { name: "Read" } }] },
        { role: "tool", tool_call_id: "functions.Read:0" },
      ],
    });
  });
});
