import { normalizeToolId, type OpenAIChatRequest, type TierContext } from "@ccr/provider";
import { describe, expect, it } from "vitest";
import { moonshotTransformer } from "./moonshot-transformer.js";

const bodyOf = (messages: OpenAIChatRequest["messages"]): OpenAIChatRequest => ({
  model: "kimi-k2.6",
  messages,
});
const context = {} as TierContext;

describe("moonshot", () => {
  it("restores Kimi's functions.Name:index ids in tool calls and their results", async () => {
    const kimiStyle = normalizeToolId("functions.Bash:0");
    const body = bodyOf([
      { role: "user", content: "run it" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: kimiStyle, type: "function", function: { name: "Bash", arguments: "{}" } },
          { id: "call_x", type: "function", function: { name: "Read", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: kimiStyle, content: "ok" },
      { role: "tool", tool_call_id: "call_x", content: "ok" },
    ]);
    const out = await moonshotTransformer().openaiRequest?.(body, context);
    const assistant = out?.messages[1] as { tool_calls: { id: string }[] };
    expect(assistant.tool_calls.map((call) => call.id)).toEqual(["functions.Bash:0", "call_x"]);
    expect(out?.messages.slice(2).map((m) => (m as { tool_call_id: string }).tool_call_id)).toEqual([
      "functions.Bash:0",
      "call_x",
    ]);
  });

  it("leaves ids whose name part does not match the call alone", async () => {
    const body = bodyOf([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: normalizeToolId("functions.Read:1"),
            type: "function",
            function: { name: "Bash", arguments: "{}" },
          },
        ],
      },
    ]);
    expect(await moonshotTransformer().openaiRequest?.(body, context)).toBe(body);
  });
});
