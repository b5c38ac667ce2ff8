import { translateProviderRequest } from "@ccr/provider/conformance";
import { describe, expect, it } from "vitest";
import { deepseekProvider } from "./deepseek-provider.js";

describe("DeepSeek requests", () => {
  it("send earlier thinking back as reasoning_content and switch thinking on explicitly", async () => {
    const body = await translateProviderRequest(deepseekProvider, {
      model: "claude-sonnet-5-5",
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 2048 },
      messages: [
        { role: "user", content: "What does the project do?" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Read the README first.", signature: "" },
            { type: "tool_use", id: "call_00_Xb3Q", name: "Read", input: { file_path: "README.md" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "call_00_Xb3Q", content: "# CCR" }] },
      ],
    });
    expect(body).toMatchObject({
      model: "deepseek-v4-flash",
      thinking: { type: "enabled" },
      messages: [
        { role: "user" },
        {
          role: "assistant",
          reasoning_content: "Read the README first.",
          tool_calls: [{ id: "call_00_Xb3Q" }],
        },
        { role: "tool", tool_call_id: "call_00_Xb3Q" },
      ],
    });
  });
});
